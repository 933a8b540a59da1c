using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>
/// A client's contact details and pets, for the clinic's staff. Receptionists see each pet's name and species;
/// vets and clinic admins also the details the owner gave. An owner who is not the clinic's client is not found.
/// </summary>
public sealed record GetClientRecordQuery(Guid Clinic, Guid Owner) : IQuery<ClientRecord?>, IStaffRequest;

public sealed record ClientRecord(
    Guid ClinicId, Guid OwnerId, string Name, string? Email, string Phone, string PreferredChannel, long Revision, IReadOnlyList<ClientPet> Pets)
    : IShowsOwnerData
{
    Guid IShowsOwnerData.Clinic => ClinicId;
    string IShowsOwnerData.Record => Pets.Any(p => p.Details is not null) ? "client record with pet details" : "client record";
    IEnumerable<Guid> IShowsOwnerData.OwnersShown => [OwnerId];
}

/// <summary>A client's pet; <see cref="Details"/> only for vets and clinic admins.</summary>
public sealed record ClientPet(Guid Id, string Name, string Species, bool Archived, DateTimeOffset? ArchivedAt, ClientPetDetails? Details);

public sealed record ClientPetDetails(string Breed, DateOnly? BirthDate, string Sex, bool Neutered, decimal? WeightKg, string Notes);

public sealed class GetClientRecordHandler(IOwnerRecords records, ICurrentActor current) : IQueryHandler<GetClientRecordQuery, ClientRecord?>
{
    public async ValueTask<ClientRecord?> Handle(GetClientRecordQuery query, CancellationToken cancellationToken)
    {
        var file = await records.LoadAsync(new OwnerId(query.Owner), cancellationToken);
        if (!file.IsClientOf(new ClinicId(query.Clinic)))
            return null;
        var seesPetDetails = current.Actor!.Role is ActorRole.Vet or ActorRole.ClinicAdmin;
        var contact = file.State.Contact;
        return new ClientRecord(query.Clinic, query.Owner, contact?.Name ?? "", file.Account?.Email, contact?.Phone ?? "",
            contact?.PreferredChannel ?? "email", file.State.ContactRevision,
            file.State.Pets.OrderBy(p => p.IsArchived).ThenBy(p => p.Details.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(p => new ClientPet(p.Id.Value, p.Details.Name, p.Details.Species, p.IsArchived, p.ArchivedAt,
                    seesPetDetails ? DetailsOf(p.Details) : null))
                .ToList());
    }

    private static ClientPetDetails DetailsOf(PetDetails d) => new(d.Breed, d.BirthDate, d.Sex, d.Neutered, d.WeightKg, d.Notes);
}
