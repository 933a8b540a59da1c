namespace VetOS.Application.Accounts;

public sealed record NewOwner(string Name, string Email, string Phone, string Password);

/// <summary>What registering did: a new account and its confirmation token, the password's shortcomings, or an address already taken.</summary>
public sealed record Registration(Guid? Account, string? ConfirmationToken, IReadOnlyList<string> PasswordProblems, bool AlreadyRegistered);

/// <summary>The accounts store (Identity behind it).</summary>
public interface IAccounts
{
    Task<Registration> RegisterOwnerAsync(NewOwner owner, CancellationToken cancellationToken);

    Task<bool> ConfirmEmailAsync(Guid account, string token, CancellationToken cancellationToken);

    /// <summary>The account the email and password open, or null; failures count towards lockout. Takes as long for an unknown email.</summary>
    Task<Guid?> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken);
}

/// <summary>Which clinics an owner is a client of.</summary>
public interface IClinicClients
{
    Task<string?> ClinicNameAsync(Guid clinic, CancellationToken cancellationToken);

    Task AddAsync(Guid owner, Guid clinic, CancellationToken cancellationToken);
}

/// <summary>Links in messages point at the portal; the web host knows where it is.</summary>
public interface IPortalLinks
{
    Uri ConfirmEmail(Guid account, string token);
}
