using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>A claimed message with the attempt it is on.</summary>
internal sealed record ClaimedMessage(QueuedMessage Message, int Attempt);

/// <summary>How one attempt ended, as the delivery log records it. <see cref="NextAttemptAt"/> is set when it goes back to the queue.</summary>
internal sealed record Outcome(
    Guid Message, string Status, string? Provider, string? ProviderMessageId, string? ErrorCode, string? Error, string? SkipReason,
    DateTimeOffset At, DateTimeOffset? NextAttemptAt)
{
    public static Outcome Skipped(Guid message, string reason, DateTimeOffset at) =>
        new(message, MessageStatuses.Skipped, null, null, null, null, reason, at, null);

    public static Outcome Interrupted(Guid message, DateTimeOffset at) =>
        new(message, MessageStatuses.Queued, null, null, "interrupted", null, null, at, at);

    public static Outcome Of(ProviderAnswer answer, ClaimedMessage claimed, DateTimeOffset at, DispatcherOptions options)
    {
        var id = claimed.Message.Id;
        return answer.Verdict switch
        {
            ProviderVerdict.Accepted => new(id, MessageStatuses.Sent, answer.Provider, answer.ProviderMessageId, null, null, null, at, null),
            ProviderVerdict.TryLater when claimed.Attempt < options.MaxAttempts =>
                new(id, MessageStatuses.Queued, answer.Provider, null, answer.ErrorCode, answer.Error, null, at, at + options.RetryDelay(claimed.Attempt)),
            _ => new(id, MessageStatuses.Failed, answer.Provider, null, answer.ErrorCode, answer.Error, null, at, null),
        };
    }
}
