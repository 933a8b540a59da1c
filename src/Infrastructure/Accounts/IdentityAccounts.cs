using Microsoft.AspNetCore.Identity;
using Npgsql;
using VetOS.Application.Accounts;
using VetOS.Domain;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Accounts through ASP.NET Core Identity. Known and unknown addresses cost the same work, so timing tells nothing.</summary>
public sealed class IdentityAccounts(UserManager<UserAccount> users, IPasswordHasher<UserAccount> hasher, NpgsqlDataSource dataSource) : IAccounts
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

    public async Task<Session?> StartSessionAsync(Guid account, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select u.security_stamp,
                   case when exists (select 1 from platform.operators o where o.account_id = u.id) then 'operator' else s.role end,
                   s.clinic_id
              from identity.users u left join clinic.staff s on s.account_id = u.id
             where u.id = $1
            """);
        command.Parameters.AddWithValue(account);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
            return null;
        var role = reader.IsDBNull(1) ? ActorRole.Owner : RoleNames.Parse(reader.GetString(1));
        return new Session(account, role, role == ActorRole.Operator || reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(0));
    }

    public async Task<bool> IsSessionCurrentAsync(Guid account, string stamp, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from identity.users where id = $1 and security_stamp = $2)");
        command.Parameters.AddWithValue(account);
        command.Parameters.AddWithValue(stamp);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
