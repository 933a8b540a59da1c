using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Length over composition (as NIST SP 800-63B advises): 8 to 64 characters, and none of the passwords everyone tries first.</summary>
public sealed class PasswordPolicy : IPasswordValidator<UserAccount>
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 64;

    private static readonly FrozenSet<string> Common = LoadCommonPasswords();

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        if (password is null || password.Length < MinimumLength)
            return Fail("PasswordTooShort", $"A password has at least {MinimumLength} characters.");
        if (password.Length > MaximumLength)
            return Fail("PasswordTooLong", $"A password has at most {MaximumLength} characters.");
        if (Common.Contains(password.ToLowerInvariant()))
            return Fail("PasswordTooCommon", "That password is one of the most common ones; choose another.");
        if (user.Email is { Length: > 0 } email && password.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase) && email.Split('@')[0].Length >= 4)
            return Fail("PasswordContainsEmail", "A password must not contain your email address.");
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("VetOS.Infrastructure.Accounts.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToFrozenSet(StringComparer.Ordinal);
    }
}
