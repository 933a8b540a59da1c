namespace VetOS.Application.Messaging;

/// <summary>One attempt or status of a message as the delivery log keeps it; the provider's error text is left out, as it may quote the recipient.</summary>
public sealed record DeliveryStatus(int Attempt, string Status, string? Provider, string? ProviderMessageId, string? ErrorCode, DateTimeOffset At);

/// <summary>A message as auditors see it: ids, channel, template, times and its status history; never its recipient or content.</summary>
public sealed record DeliveryLogEntry(
    Guid Message, Guid? Owner, string Channel, string Template, string? Purpose, Guid? Booking, string Status, string? SkipReason,
    int Attempts, string? Provider, string? ProviderMessageId, DateTimeOffset DueAt, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    DateTimeOffset UpdatedAt, IReadOnlyList<DeliveryStatus> History);

/// <summary>What one retention purge removed from one clinic's delivery log: how many messages, and the span of their latest activity.</summary>
public sealed record DeliveryLogPurge(DateTimeOffset PurgedAt, int Messages, DateTimeOffset Oldest, DateTimeOffset Newest);

public sealed record DeliveryLogFilter(Guid Clinic, Guid? Owner, DateTimeOffset? From, DateTimeOffset? To, string? Status, int Limit);

/// <summary>The delivery log as auditors read it.</summary>
public interface IDeliveryLog
{
    /// <summary>The clinic's messages, newest first, each with its history.</summary>
    Task<IReadOnlyList<DeliveryLogEntry>> FindAsync(DeliveryLogFilter filter, CancellationToken cancellationToken);

    /// <summary>The clinic's retention purges, newest first.</summary>
    Task<IReadOnlyList<DeliveryLogPurge>> PurgesAsync(Guid clinic, int limit, CancellationToken cancellationToken);
}
