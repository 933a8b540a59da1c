using VetOS.Domain;

namespace VetOS.Application.Staff;

public sealed record StaffMember(Guid Account, string Name, string Email, ActorRole Role, bool InvitationPending, DateTimeOffset AddedAt);

/// <summary>A new staff account, not yet usable: its owner sets a password through the invitation link.</summary>
public sealed record Invitation(Guid Account, string Token);

public enum StaffChange { Changed, NoSuchMember, LastAdmin }

/// <summary>
/// A clinic's staff accounts. Role changes and removals move the account's security stamp, so its sessions end at
/// once; a clinic always keeps at least one admin, however many admins act at the same moment.
/// </summary>
public interface IStaffAccounts
{
    /// <summary>Null when the address already has an account (staff use their own work address, one clinic each).</summary>
    Task<Invitation?> InviteAsync(Guid clinic, string name, string email, ActorRole role, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ListAsync(Guid clinic, CancellationToken cancellationToken);

    Task<StaffChange> ChangeRoleAsync(Guid clinic, Guid account, ActorRole role, CancellationToken cancellationToken);

    Task<StaffChange> RemoveAsync(Guid clinic, Guid account, CancellationToken cancellationToken);

    /// <summary>Sets the password of an invited account and confirms its address; null when the link is bad, used or expired.</summary>
    Task<IReadOnlyList<string>?> AcceptInvitationAsync(Guid account, string token, string password, CancellationToken cancellationToken);
}

/// <summary>Roles a clinic's staff can hold.</summary>
public static class StaffRoles
{
    public static readonly IReadOnlyList<ActorRole> All = [ActorRole.Receptionist, ActorRole.Vet, ActorRole.ClinicAdmin, ActorRole.Auditor];

    public const string Message = "'Role' is one of Receptionist, Vet, ClinicAdmin or Auditor.";
}
