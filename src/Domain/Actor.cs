namespace VetOS.Domain;

public enum ActorRole { Owner, Receptionist, Vet, ClinicAdmin, Auditor, Operator }

/// <summary>
/// Who acts: an owner; a member of one clinic's staff (receptionist, vet, clinic admin); an auditor of one clinic,
/// who only reads; or a platform operator, who onboards clinics and sees none of their personal data.
/// </summary>
public sealed record Actor(Guid Id, ActorRole Role, ClinicId? Clinic = null)
{
    public bool IsStaff => Role is ActorRole.Receptionist or ActorRole.Vet or ActorRole.ClinicAdmin;

    public bool IsStaffOf(ClinicId clinic) => IsStaff && Clinic == clinic;

    public bool IsAdminOf(ClinicId clinic) => Role == ActorRole.ClinicAdmin && Clinic == clinic;

    /// <summary>Auditors, and the clinic's admins, answer for the clinic's records.</summary>
    public bool MayAudit(ClinicId clinic) => Role is ActorRole.Auditor or ActorRole.ClinicAdmin && Clinic == clinic;

    /// <summary>How events record who made a change, e.g. <c>owner:5f0c…</c> or <c>receptionist:9a1e…</c>.</summary>
    public string Tag => $"{Role.ToString().ToLowerInvariant()}:{Id}";

    public static Actor Owner(OwnerId owner) => new(owner.Value, ActorRole.Owner);

    /// <summary>Roles that belong to one clinic.</summary>
    public static bool BelongsToAClinic(ActorRole role) => role is not (ActorRole.Owner or ActorRole.Operator);
}
