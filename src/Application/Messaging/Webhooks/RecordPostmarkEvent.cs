using System.Globalization;
using Mediator;

namespace VetOS.Application.Messaging.Webhooks;

/// <summary>
/// One of Postmark's webhooks: a delivery, a bounce (with its type code), or a subscription change (the recipient
/// unsubscribed or complained, and Postmark now suppresses sending to them). Replays change nothing.
/// </summary>
public sealed record RecordPostmarkEventCommand(
    string RecordType, string? MessageId, long? Id, string? Type, int? TypeCode, string? Description, bool? SuppressSending, string? SuppressionReason)
    : ICommand<StatusRecorded>;

public sealed class RecordPostmarkEventHandler(IProviderStatuses statuses, TimeProvider clock) : ICommandHandler<RecordPostmarkEventCommand, StatusRecorded>
{
    public const string Suppressed = "suppressed";
    public const string Unsuppressed = "unsuppressed";

    public async ValueTask<StatusRecorded> Handle(RecordPostmarkEventCommand c, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(c.MessageId))
            return StatusRecorded.Ignored;
        var now = clock.GetUtcNow();
        var report = c.RecordType switch
        {
            "Delivery" => new ProviderStatusReport(ProviderNames.Postmark, c.MessageId, MessageStatuses.Delivered, null, null,
                $"postmark:Delivery:{c.MessageId}", now),
            "Bounce" => new ProviderStatusReport(ProviderNames.Postmark, c.MessageId, MessageStatuses.Bounced,
                c.TypeCode?.ToString(CultureInfo.InvariantCulture) ?? c.Type, c.Description ?? c.Type,
                $"postmark:Bounce:{(c.Id is { } id ? id.ToString(CultureInfo.InvariantCulture) : c.MessageId)}", now),
            "SubscriptionChange" => new ProviderStatusReport(ProviderNames.Postmark, c.MessageId, c.SuppressSending == true ? Suppressed : Unsuppressed,
                c.SuppressionReason, null, $"postmark:SubscriptionChange:{c.MessageId}:{c.SuppressSending == true}", now, ChangesStatus: false),
            _ => null,
        };
        return report is null ? StatusRecorded.Ignored : await statuses.RecordAsync(report, cancellationToken);
    }
}
