using Microsoft.AspNetCore.Identity;
using Npgsql;
using VetOS.Application.Accounts;
using VetOS.Domain;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Accounts through ASP.NET Core Identity. Known and unknown addresses cost the same work, so timing tells nothing.</summary>
public sealed class IdentityAccounts(UserManager<UserAccount> users, IPasswordHasher<UserAccount> hasher, NpgsqlDataSource dataSource, TimeProvider clock)
    : IAccounts
{
    private static readonly UserAccount Nobody = new();
    private static string? decoyHash;

    public async Task<Registration> RegisterOwnerAsync(NewOwner owner, CancellationToken cancellationToken)
    {
        var account = new UserAccount { Id = Guid.CreateVersion7(), UserName = owner.Email, Email = owner.Email, PhoneNumber = owner.Phone, DisplayName = owner.Name };
        // Identity checks the password, hashes it, then finds the address free or taken: the same work either way.
        var created = await users.CreateAsync(account, owner.Password);
        if (created.Succeeded)
            return new Registration(account.Id, await users.GenerateEmailConfirmationTokenAsync(account), [], AlreadyRegistered: false);
        return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
            ? new Registration(null, null, [], AlreadyRegistered: true)
            : new Registration(null, null, created.Errors.Select(e => e.Description).ToList(), AlreadyRegistered: false);
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
        if (user is null || !user.EmailConfirmed || IsLockedOut(user))
            hasher.VerifyHashedPassword(Nobody, decoyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);
        else if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return user.Id;
        }
        await CountFailureAsync(email, cancellationToken);
        return null;
    }

    /// <summary>Identity's own check reads the machine's clock; the host's clock decides here, as everywhere.</summary>
    private bool IsLockedOut(UserAccount user) => user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow();

    /// <summary>
    /// Identity's lockout rule (5 failures lock for 5 minutes) as one statement, run for every failed sign-in whether or
    /// not the address has an account, so both cost the same; atomic, so parallel guesses cannot slip past the limit.
    /// </summary>
    private async Task CountFailureAsync(string email, CancellationToken cancellationToken)
    {
        var lockout = users.Options.Lockout;
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            update identity.users
               set access_failed_count = case when access_failed_count + 1 >= $2 then 0 else access_failed_count + 1 end,
                   lockout_end = case when access_failed_count + 1 >= $2 then $3 else lockout_end end,
                   concurrency_stamp = gen_random_uuid()::text
             where normalized_email = $1 and email_confirmed and lockout_enabled and (lockout_end is null or lockout_end <= $4)
            """);
        command.Parameters.AddWithValue(users.NormalizeEmail(email));
        command.Parameters.AddWithValue(lockout.MaxFailedAccessAttempts);
        command.Parameters.AddWithValue(now + lockout.DefaultLockoutTimeSpan);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ResetToken?> PasswordResetTokenAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email) is { EmailConfirmed: true, Email: { } address } user
            ? new ResetToken(user.Id, address, await users.GeneratePasswordResetTokenAsync(user))
            : null;

    public async Task<PasswordChange> ResetPasswordAsync(Guid account, string token, string newPassword, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(account.ToString()) is not { } user)
            return PasswordChange.Refused;
        var change = Outcome(await users.ResetPasswordAsync(user, token, newPassword));
        if (change.Changed)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        return change;
    }

    public async Task<PasswordChange> ChangePasswordAsync(Guid account, string currentPassword, string newPassword, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(account.ToString()) is { } user
            ? Outcome(await users.ChangePasswordAsync(user, currentPassword, newPassword))
            : PasswordChange.Refused;

    private static PasswordChange Outcome(IdentityResult result) =>
        result.Succeeded ? PasswordChange.Done
        : result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidToken) or nameof(IdentityErrorDescriber.PasswordMismatch)) ? PasswordChange.Refused
        : new PasswordChange(false, result.Errors.Select(e => e.Description).ToList());

    /// <summary>Session rows outlive the session's absolute lifetime (12 hours) by a margin, then go at the account's next sign-in.</summary>
    private static readonly TimeSpan SessionRowsKept = TimeSpan.FromDays(1);

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
        Session session;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
                return null;
            var role = reader.IsDBNull(1) ? ActorRole.Owner : RoleNames.Parse(reader.GetString(1));
            session = new Session(Guid.CreateVersion7(), account, role, role == ActorRole.Operator || reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(0));
        }
        var now = clock.GetUtcNow();
        await using var record = dataSource.CreateCommand("""
            with cleared as (delete from auth.sessions where account_id = $2 and (ended_at is not null or started_at < $4))
            insert into auth.sessions (id, account_id, started_at) values ($1, $2, $3)
            """);
        record.Parameters.AddWithValue(session.Id);
        record.Parameters.AddWithValue(account);
        record.Parameters.AddWithValue(now);
        record.Parameters.AddWithValue(now - SessionRowsKept);
        await record.ExecuteNonQueryAsync(cancellationToken);
        return session;
    }

    public async Task<bool> IsSessionCurrentAsync(Guid session, Guid account, string stamp, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select exists (select 1 from identity.users u join auth.sessions s on s.account_id = u.id
                            where u.id = $1 and u.security_stamp = $2 and s.id = $3 and s.ended_at is null)
            """);
        command.Parameters.AddWithValue(account);
        command.Parameters.AddWithValue(stamp);
        command.Parameters.AddWithValue(session);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task EndSessionsAsync(Guid account, Guid? session, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update auth.sessions set ended_at = $3 where account_id = $1 and ($2::uuid is null or id = $2) and ended_at is null");
        command.Parameters.AddWithValue(account);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Uuid, (object?)session ?? DBNull.Value);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
