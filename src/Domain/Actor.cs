namespace VetOS.Domain;

public enum ActorRole { Owner, Receptionist, Vet, ClinicAdmin }

/// <summary>Who acts: an owner, or a member of a clinic's staff.</summary>
public sealed record Actor(Guid Id, ActorRole Role, ClinicId? Clinic = null)
{
    public bool IsStaff => Role != ActorRole.Owner;

    public bool IsStaffOf(ClinicId clinic) => IsStaff && Clinic == clinic;

    /// <summary>How events record who made a change, e.g. <c>owner:5f0c…</c> or <c>receptionist:9a1e…</c>.</summary>
    public string Tag => $"{Role.ToString().ToLowerInvariant()}:{Id}";

    public static Actor Owner(OwnerId owner) => new(owner.Value, ActorRole.Owner);
}
