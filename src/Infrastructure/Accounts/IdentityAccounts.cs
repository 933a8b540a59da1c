using Microsoft.AspNetCore.Identity;
using VetOS.Application.Accounts;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Accounts through ASP.NET Core Identity. Known and unknown addresses cost the same work, so timing tells nothing.</summary>
public sealed class IdentityAccounts(UserManager<UserAccount> users, IPasswordHasher<UserAccount> hasher) : IAccounts
{
    private static readonly UserAccount Nobody = new();
    private static string? decoyHash;

    public async Task<Registration> RegisterOwnerAsync(NewOwner owner, CancellationToken cancellationToken)
    {
        var account = new UserAccount { Id = Guid.CreateVersion7(), UserName = owner.Email, Email = owner.Email, PhoneNumber = owner.Phone, DisplayName = owner.Name };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, account, owner.Password)).Errors.Select(e => e.Description));
        if (problems.Count > 0)
            return new Registration(null, null, problems, AlreadyRegistered: false);

        if (await users.FindByEmailAsync(owner.Email) is not null)
        {
            hasher.HashPassword(account, owner.Password); // the work a new account would have cost
            return new Registration(null, null, [], AlreadyRegistered: true);
        }
        var created = await users.CreateAsync(account, owner.Password);
        if (!created.Succeeded)
            return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? new Registration(null, null, [], AlreadyRegistered: true)
                : new Registration(null, null, created.Errors.Select(e => e.Description).ToList(), AlreadyRegistered: false);
        return new Registration(account.Id, await users.GenerateEmailConfirmationTokenAsync(account), [], AlreadyRegistered: false);
    }

    public async Task<bool> ConfirmEmailAsync(Guid account, string token, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(account.ToString()) is not { } user || user.EmailConfirmed)
            return false;
        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return false;
        await users.UpdateSecurityStampAsync(user); // the link works once
        return true;
    }

    public async Task<Guid?> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || !user.EmailConfirmed || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Nobody, decoyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);
            return null;
        }
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return user.Id;
        }
        await users.AccessFailedAsync(user);
        return null;
    }
}
