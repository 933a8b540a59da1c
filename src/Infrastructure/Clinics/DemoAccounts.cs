using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VetOS.Domain;
using VetOS.Infrastructure.Accounts;

namespace VetOS.Infrastructure.Clinics;

/// <summary>
/// Someone to sign in as in every role at the demo clinic, all with one development password. Only seeded where
/// the demo is (<c>Database:SeedDemo</c>); seeding twice changes nothing.
/// </summary>
public sealed class DemoAccounts(UserManager<UserAccount> users, IPasswordHasher<UserAccount> hasher, AccountsDbContext db)
{
    public const string Password = "riverside-demo-2026";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new(DemoClinic.DemoOwner, "Alex Morgan", "owner@riverside.example", ActorRole.Owner),
        new(DemoClinic.DemoReceptionist, "Riya Shah", "reception@riverside.example", ActorRole.Receptionist),
        new(DemoClinic.DemoVet, "Dr Amara Okafor", "vet@riverside.example", ActorRole.Vet),
        new(DemoClinic.DemoAdmin, "Sam Carter", "admin@riverside.example", ActorRole.ClinicAdmin),
        new(DemoClinic.DemoAuditor, "Jo Evans", "auditor@riverside.example", ActorRole.Auditor),
        new(DemoClinic.DemoOperator, "Platform Operator", "operator@vetos.example", ActorRole.Operator),
    ];

    // One hash for every demo account, made once per process: 210,000 iterations each would slow every start.
    private static string? passwordHash;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // Instances starting together seed one after the other.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(hashtextextended('vetos:demo-accounts', 0))", cancellationToken);
        foreach (var demo in All)
        {
            if (await users.FindByIdAsync(demo.Id.ToString()) is not null)
                continue;
            var account = new UserAccount
            {
                Id = demo.Id, UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.Name,
                PhoneNumber = demo.Role == ActorRole.Owner ? "+447911123456" : null,
            };
            account.PasswordHash = passwordHash ??= hasher.HashPassword(account, Password);
            await users.CreateAsync(account);
            if (demo.Role == ActorRole.Operator)
                await db.Database.ExecuteSqlAsync($"insert into platform.operators (account_id) values ({demo.Id}) on conflict do nothing", cancellationToken);
            else if (demo.Role != ActorRole.Owner)
                await db.Database.ExecuteSqlAsync(
                    $"insert into clinic.staff (account_id, clinic_id, role) values ({demo.Id}, {DemoClinic.Id}, {RoleNames.Of(demo.Role)}) on conflict do nothing",
                    cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}

public sealed record DemoAccount(Guid Id, string Name, string Email, ActorRole Role);
