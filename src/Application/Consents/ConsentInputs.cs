using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using VetOS.Domain;

namespace VetOS.Application.Consents;

public interface IConsentChoiceInput
{
    string Purpose { get; }
    string Channel { get; }
    bool? Granted { get; }
    int? NoticeVersion { get; }
}

public sealed class ConsentChoiceRules : AbstractValidator<IConsentChoiceInput>
{
    public ConsentChoiceRules()
    {
        RuleFor(c => c.Purpose).NotEmpty().MaximumLength(NoticeWording.MaxKeyLength);
        RuleFor(c => c.Channel).Must(MessageChannels.All.Contains).WithMessage(NoticeWording.ChannelMessage);
        RuleFor(c => c.Granted).NotNull().WithMessage("'Granted' is true to agree or false to withdraw.");
        RuleFor(c => c.NoticeVersion).NotNull().When(c => c.Granted == true)
            .WithMessage("'Notice Version' names the version of the notice the owner read; agreeing needs it.");
        RuleFor(c => c.NoticeVersion).GreaterThan(0);
    }
}

/// <summary>Notice wordings as stored: trimmed, and identified by the SHA-256 of their UTF-8 text, in lower-case hex.</summary>
public static class NoticeWording
{
    public const int MaxLength = 10_000;
    public const int MaxKeyLength = 50;
    public static readonly string ChannelMessage = $"'Channel' is one of: {string.Join(", ", MessageChannels.All)}.";

    public static string Hash(string wording) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wording)));
}
