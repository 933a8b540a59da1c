using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VetOS.Infrastructure.Accounts;

/// <summary>
/// Identity's data-protection tokens (issued-at, account, purpose, security stamp; the same wire form), aged by the
/// host's <see cref="TimeProvider"/>: Identity's own provider reads the system clock, which tests cannot move.
/// A token dies when its lifespan passes or the security stamp moves.
/// </summary>
public abstract class ClockedTokenProvider(
    IDataProtectionProvider protection, IOptions<DataProtectionTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<UserAccount>> logger, TimeProvider clock)
    : DataProtectorTokenProvider<UserAccount>(protection, options, logger)
{
    public override async Task<string> GenerateAsync(string purpose, UserManager<UserAccount> manager, UserAccount user)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose ?? "");
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }
        return Convert.ToBase64String(Protector.Protect(buffer.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<UserAccount> manager, UserAccount user)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Protector.Unprotect(Convert.FromBase64String(token))), Encoding.UTF8);
            var issued = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            return issued + Options.TokenLifespan >= clock.GetUtcNow()
                   && reader.ReadString() == await manager.GetUserIdAsync(user)
                   && reader.ReadString() == purpose
                   && reader.ReadString() is var stamp && reader.PeekChar() == -1
                   && stamp == (await manager.GetSecurityStampAsync(user) ?? "");
        }
        catch (Exception e) when (e is FormatException or CryptographicException or IOException)
        {
            return false;
        }
    }
}

/// <summary>Email-confirmation links live 24 hours.</summary>
public sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider protection, IOptions<EmailConfirmationTokenOptions> options, ILogger<DataProtectorTokenProvider<UserAccount>> logger, TimeProvider clock)
    : ClockedTokenProvider(protection, options, logger, clock)
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
    IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<UserAccount>> logger, TimeProvider clock)
    : ClockedTokenProvider(protection, options, logger, clock)
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
