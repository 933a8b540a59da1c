using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using VetOS.Application.Accounts;
using VetOS.Application.Staff;

namespace VetOS.Infrastructure.Accounts;

public static class AccountsServices
{
    /// <summary>
    /// Identity on PostgreSQL: PBKDF2-HMAC-SHA512 at 210,000 iterations (older hashes are upgraded at sign-in),
    /// lockout after 5 failures for 5 minutes, confirmed email required, tokens aged by the host's clock, and
    /// data-protection keys shared by all instances.
    /// </summary>
    public static IServiceCollection AddVetOSAccounts(this IServiceCollection services)
    {
        services.AddDbContext<AccountsDbContext>((sp, options) => AccountsDbContext.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = 210_000;
        });
        services.AddIdentityCore<UserAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokenProvider.ProviderName;
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmationTokenProvider.ProviderName)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection().SetApplicationName("VetOS").PersistKeysToDbContext<AccountsDbContext>();
        services.AddScoped<IAccounts, IdentityAccounts>();
        services.AddScoped<IStaffAccounts, IdentityStaffAccounts>();
        services.AddSingleton<IClinicClients, PostgresClinicClients>();
        return services;
    }
}
