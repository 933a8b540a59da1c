using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VetOS.Application.Staff;
using VetOS.Domain;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Staff accounts: Identity users with a row in <c>clinic.staff</c>, both written in one transaction.</summary>
public sealed class IdentityStaffAccounts(UserManager<UserAccount> users, AccountsDbContext db) : IStaffAccounts
{
    public async Task<Invitation?> InviteAsync(Guid clinic, string name, string email, ActorRole role, CancellationToken cancellationToken)
    {
        var account = new UserAccount { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockClinic(clinic, cancellationToken) || !(await users.CreateAsync(account)).Succeeded)
            return null;
        await db.Database.ExecuteSqlAsync($"insert into clinic.staff (account_id, clinic_id, role) values ({account.Id}, {clinic}, {RoleNames.Of(role)})", cancellationToken);
        var token = await users.GenerateEmailConfirmationTokenAsync(account);
        await transaction.CommitAsync(cancellationToken);
        return new Invitation(account.Id, token);
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(Guid clinic, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<StaffRow>($"""
            select u.id as account, u.display_name as name, u.email as email, s.role as role, not u.email_confirmed as pending, s.added_at as added_at
              from clinic.staff s join identity.users u on u.id = s.account_id
             where s.clinic_id = {clinic} order by u.display_name
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new StaffMember(r.Account, r.Name, r.Email ?? "", RoleNames.Parse(r.Role), r.Pending, r.AddedAt)).ToList();
    }

    public Task<StaffChange> ChangeRoleAsync(Guid clinic, Guid account, ActorRole role, CancellationToken cancellationToken) =>
        ChangeAsync(clinic, account, role == ActorRole.ClinicAdmin, async user =>
        {
            await db.Database.ExecuteSqlAsync($"update clinic.staff set role = {RoleNames.Of(role)} where account_id = {account}", cancellationToken);
            await users.UpdateSecurityStampAsync(user);
        }, cancellationToken);

    public Task<StaffChange> RemoveAsync(Guid clinic, Guid account, CancellationToken cancellationToken) =>
        ChangeAsync(clinic, account, staysAdmin: false, async user =>
        {
            await db.Database.ExecuteSqlAsync($"delete from clinic.staff where account_id = {account}", cancellationToken);
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }, cancellationToken);

    public async Task<IReadOnlyList<string>?> AcceptInvitationAsync(Guid account, string token, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(account.ToString()) is not { EmailConfirmed: false } user)
            return null;
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        if (problems.Count > 0)
            return problems;
        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return null;
        await users.AddPasswordAsync(user, password); // moves the security stamp too, so the link works once
        return [];
    }

    /// <summary>Changes one member under the clinic's lock, refusing a change that would leave the clinic without an admin.</summary>
    private async Task<StaffChange> ChangeAsync(Guid clinic, Guid account, bool staysAdmin, Func<UserAccount, Task> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LockClinic(clinic, cancellationToken))
            return StaffChange.NoSuchMember;
        var role = await db.Database.SqlQuery<string>($"""select role as "Value" from clinic.staff where account_id = {account} and clinic_id = {clinic}""")
            .SingleOrDefaultAsync(cancellationToken);
        if (role is null || await users.FindByIdAsync(account.ToString()) is not { } user)
            return StaffChange.NoSuchMember;
        if (role == RoleNames.Of(ActorRole.ClinicAdmin) && !staysAdmin)
        {
            var admins = await db.Database.SqlQuery<int>($"""select count(*)::int as "Value" from clinic.staff where clinic_id = {clinic} and role = 'clinic_admin'""")
                .SingleAsync(cancellationToken);
            if (admins <= 1)
                return StaffChange.LastAdmin;
        }
        await change(user);
        await transaction.CommitAsync(cancellationToken);
        return StaffChange.Changed;
    }

    /// <summary>Staff changes of one clinic queue here, so two admins demoting each other cannot both succeed.</summary>
    private async Task<bool> LockClinic(Guid clinic, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<Guid>($"""select id as "Value" from clinic.clinics where id = {clinic} for update""").ToListAsync(cancellationToken)).Count == 1;

    private sealed record StaffRow(Guid Account, string Name, string? Email, string Role, bool Pending, DateTimeOffset AddedAt);
}
