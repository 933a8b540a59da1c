namespace VetOS.Application.Messaging;

/// <summary>An email handed to a provider: plain text, an optional calendar file, and the template it came from as its tag.</summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string Tag, IReadOnlyList<EmailAttachment> Attachments);

public sealed record EmailAttachment(string Name, string ContentType, byte[] Content);

/// <summary>
/// An SMS or WhatsApp message handed to a provider: free text, or for WhatsApp outside the 24-hour window an
/// approved template with its variables. <see cref="Tag"/> names the VetOS template it came from.
/// </summary>
public sealed record OutgoingText(
    string Channel, string To, string? Body, string? TemplateId = null, IReadOnlyDictionary<string, string>? TemplateVariables = null, string? Tag = null);

public enum ProviderVerdict
{
    /// <summary>The provider took the message; its id follows the delivery.</summary>
    Accepted,

    /// <summary>The provider refused it for good (bad credentials, an inactive recipient, an invalid number): do not try again.</summary>
    Refused,

    /// <summary>The provider could not take it now (rate limit, outage, timeout) even after retries: try again later.</summary>
    TryLater,
}

/// <summary>What a provider answered: its verdict, its message id and status when accepted, its error code and message otherwise.</summary>
public sealed record ProviderAnswer(ProviderVerdict Verdict, string Provider, string? ProviderMessageId, string? Status, string? ErrorCode, string? Error)
{
    public static ProviderAnswer Accepted(string provider, string id, string status) => new(ProviderVerdict.Accepted, provider, id, status, null, null);
}

public interface IEmailProvider
{
    Task<ProviderAnswer> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

public interface ITextProvider
{
    Task<ProviderAnswer> SendAsync(OutgoingText text, CancellationToken cancellationToken);
}
