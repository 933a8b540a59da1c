namespace VetOS.Domain.Owners;

/// <summary>Every change says who acts, when, and which clinics the owner is a client of (whose staff may act too).</summary>
public abstract record OwnerCommand(Actor By, DateTimeOffset Now, IReadOnlyCollection<ClinicId> ClientOf);

/// <summary>The owner changes their contact details, or a clinic's staff correct them, saying why if they like.</summary>
public sealed record ChangeContactDetails(Actor By, DateTimeOffset Now, IReadOnlyCollection<ClinicId> ClientOf, ContactDetails Details, string? Why = null)
    : OwnerCommand(By, Now, ClientOf);

public sealed record AddPet(Actor By, DateTimeOffset Now, IReadOnlyCollection<ClinicId> ClientOf, PetId Pet, PetDetails Details)
    : OwnerCommand(By, Now, ClientOf);

public sealed record ChangePetDetails(Actor By, DateTimeOffset Now, IReadOnlyCollection<ClinicId> ClientOf, PetId Pet, PetDetails Details)
    : OwnerCommand(By, Now, ClientOf);

public sealed record ArchivePet(Actor By, DateTimeOffset Now, IReadOnlyCollection<ClinicId> ClientOf, PetId Pet, string Reason)
    : OwnerCommand(By, Now, ClientOf);

/// <summary>The outcome of a decision: the new events (none when nothing changes), or the rule that was broken.</summary>
public sealed record OwnerDecision(IReadOnlyList<object> Events, OwnerError? Error) : Decision<OwnerError>(Events, Error)
{
    public static OwnerDecision Accept(params IOwnerEvent[] events) => new(events, null);

    public static implicit operator OwnerDecision(OwnerError error) => new([], error);
}
