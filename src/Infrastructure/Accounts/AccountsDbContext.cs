using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace VetOS.Infrastructure.Accounts;

/// <summary>A person who signs in: an owner, or a member of a clinic's staff.</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}

/// <summary>Accounts (ASP.NET Core Identity) and the data-protection keys every instance shares, in schema <c>identity</c>.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<UserAccount, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string Schema = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public static DbContextOptions<AccountsDbContext> Options(NpgsqlDataSource dataSource)
    {
        var builder = new DbContextOptionsBuilder<AccountsDbContext>();
        Configure(builder, dataSource);
        return builder.Options;
    }

    public static void Configure(DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history", Schema)).UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
        builder.Entity<UserAccount>().ToTable("users").Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}
