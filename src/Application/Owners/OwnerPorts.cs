using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>
/// Owners' records: the event stream <c>owner-{id}</c>, and what was on file before it (the account's name and phone,
/// pets booking knew by name and species). Saving also updates the account and the pets booking reads, atomically with the events.
/// </summary>
public interface IOwnerRecords
{
    Task<OwnerFile> LoadAsync(OwnerId owner, CancellationToken cancellationToken);

    /// <summary>
    /// Fails with <see cref="WrongExpectedRevisionException"/> when the stream moved past <paramref name="expectedRevision"/>,
    /// and with <see cref="DuplicatePetException"/> when a new pet's id is taken.
    /// </summary>
    Task<long> SaveAsync(OwnerId owner, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken);
}

/// <summary>Finding a clinic's clients by a fragment of their name, email address or phone number.</summary>
public interface IClientDirectory
{
    Task<IReadOnlyList<ClientSummary>> FindAsync(ClinicId clinic, string text, int limit, CancellationToken cancellationToken);
}

public sealed record ClientSummary(Guid OwnerId, string Name, string? Email, string? Phone);

public sealed record AccountContact(string Name, string? Email, string? Phone);

public sealed record PetOnFile(PetId Id, string Name, string Species);

/// <summary>An owner's events, their stream revision (-1: none), what was on file besides, and the clinics they are a client of.</summary>
public sealed record OwnerFile(
    OwnerId Owner, IReadOnlyList<IOwnerEvent> Events, long Revision, AccountContact? Account, IReadOnlyList<PetOnFile> PetsOnFile, IReadOnlyList<ClinicId> Clinics)
{
    public OwnerRecord State { get; } = OwnerRecord.From(
        Owner, Events,
        Account is { } account ? new ContactDetails(account.Name, account.Phone ?? "", ContactDetails.Channels[0]) : null,
        PetsOnFile.Select(p => (p.Id, p.Name, p.Species)));

    public bool IsClientOf(ClinicId clinic) => Clinics.Contains(clinic);
}

public sealed class DuplicatePetException(PetId pet) : Exception($"Pet {pet} exists already.")
{
    public PetId Pet { get; } = pet;
}
