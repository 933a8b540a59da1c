using VetOS.Domain;

namespace VetOS.Application.Accounts;

public sealed record NewOwner(string Name, string Email, string Phone, string Password);

/// <summary>What registering did: a new account and its confirmation token, the password's shortcomings, or an address already taken.</summary>
public sealed record Registration(Guid? Account, string? ConfirmationToken, IReadOnlyList<string> PasswordProblems, bool AlreadyRegistered);

/// <summary>A signed-in session: the account, its role (and clinic) when it signed in, and the security stamp that ends it when it moves.</summary>
/// <summary>A signed-in session: its own id (ended on the server at sign-out), and the account's role, clinic and security stamp.</summary>
public sealed record Session(Guid Id, Guid Account, ActorRole Role, Guid? Clinic, string Stamp);

/// <summary>A password-reset token for a confirmed account, and the address it goes to.</summary>
public sealed record ResetToken(Guid Account, string Email, string Token);

/// <summary>What setting a new password did: changed; refused (a bad, expired or used link, or a wrong current password); or the new password's shortcomings.</summary>
public sealed record PasswordChange(bool Changed, IReadOnlyList<string> PasswordProblems)
{
    public static readonly PasswordChange Done = new(true, []);
    public static readonly PasswordChange Refused = new(false, []);
}

/// <summary>The accounts store (Identity behind it).</summary>
public interface IAccounts
{
    Task<Registration> RegisterOwnerAsync(NewOwner owner, CancellationToken cancellationToken);

    Task<bool> ConfirmEmailAsync(Guid account, string token, CancellationToken cancellationToken);

    /// <summary>The account the email and password open, or null; failures count towards lockout. Takes as long for an unknown email.</summary>
    Task<Guid?> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>A reset token when a confirmed account has the address, else null.</summary>
    Task<ResetToken?> PasswordResetTokenAsync(string email, CancellationToken cancellationToken);

    /// <summary>Sets a new password with a reset token; the security stamp moves (the token is spent, other sessions end) and lockout clears.</summary>
    Task<PasswordChange> ResetPasswordAsync(Guid account, string token, string newPassword, CancellationToken cancellationToken);

    /// <summary>Sets a new password given the current one; the security stamp moves, so the account's sessions end.</summary>
    Task<PasswordChange> ChangePasswordAsync(Guid account, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>A new session for the account, recorded on the server: its current role, clinic and security stamp.</summary>
    Task<Session?> StartSessionAsync(Guid account, CancellationToken cancellationToken);

    /// <summary>
    /// False once the session was ended (signed out), or the account's password, role or clinic changed (its security
    /// stamp moved), or the account is gone.
    /// </summary>
    Task<bool> IsSessionCurrentAsync(Guid session, Guid account, string stamp, CancellationToken cancellationToken);

    /// <summary>Ends one session of the account, or all of them when <paramref name="session"/> is null.</summary>
    Task EndSessionsAsync(Guid account, Guid? session, CancellationToken cancellationToken);
}

/// <summary>Which clinics an owner is a client of.</summary>
public interface IClinicClients
{
    Task<string?> ClinicNameAsync(Guid clinic, CancellationToken cancellationToken);

    Task AddAsync(Guid owner, Guid clinic, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClientOf>> ClinicsOfAsync(Guid owner, CancellationToken cancellationToken);
}

public sealed record ClientOf(Guid Clinic, string Slug, string Name, DateTimeOffset Since);

/// <summary>Links in messages point at the portal; the web host knows where it is.</summary>
public interface IPortalLinks
{
    Uri ConfirmEmail(Guid account, string token);

    Uri AcceptInvitation(Guid account, string token);

    Uri ResetPassword(Guid account, string token);

    /// <summary>The owner's page of one appointment in the portal (sign-in first, then back to it).</summary>
    Uri Appointment(Guid booking);

    /// <summary>The staff console's queue of the clinic's privacy requests.</summary>
    Uri PrivacyRequestQueue(Guid clinic);

    /// <summary>The owner's page of their conversation with the clinic (sign-in first, then back to it).</summary>
    Uri Conversation(Guid clinic);

    /// <summary>The clinic's inbox of conversations awaiting an answer.</summary>
    Uri ConversationInbox(Guid clinic);
}
