namespace VetOS.Application.Messaging.Webhooks;

/// <summary>
/// A status a provider reported for a message it took, under the webhook's own id. <see cref="ChangesStatus"/> is false for
/// events the delivery log records without moving the message's status (a subscription change).
/// </summary>
public sealed record ProviderStatusReport(
    string Provider, string ProviderMessageId, string Status, string? ErrorCode, string? Error, string WebhookId, DateTimeOffset At, bool ChangesStatus = true);

public enum StatusRecorded { Recorded, Replayed, UnknownMessage, Ignored }

/// <summary>
/// The delivery log's side of the webhooks: records a report once per webhook id and moves the message's status
/// forward only (a late "sent" never undoes "delivered").
/// </summary>
public interface IProviderStatuses
{
    Task<StatusRecorded> RecordAsync(ProviderStatusReport report, CancellationToken cancellationToken);
}

public static class ProviderNames
{
    public const string Twilio = "twilio";
    public const string Postmark = "postmark";
}
