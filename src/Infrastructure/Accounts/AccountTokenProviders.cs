using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Email-confirmation links live 24 hours.</summary>
public sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider protection, IOptions<EmailConfirmationTokenOptions> options, ILogger<DataProtectorTokenProvider<UserAccount>> logger)
    : DataProtectorTokenProvider<UserAccount>(protection, options, logger)
{
    public const string ProviderName = "EmailConfirmation";
}

public sealed class EmailConfirmationTokenOptions : DataProtectionTokenProviderOptions
{
    public EmailConfirmationTokenOptions()
    {
        Name = EmailConfirmationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromHours(24);
    }
}

/// <summary>Password-reset links live one hour and die when the password changes (the security stamp moves).</summary>
public sealed class PasswordResetTokenProvider(
    IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<UserAccount>> logger)
    : DataProtectorTokenProvider<UserAccount>(protection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}

public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenOptions()
    {
        Name = PasswordResetTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromHours(1);
    }
}
