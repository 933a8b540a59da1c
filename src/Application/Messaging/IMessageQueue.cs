namespace VetOS.Application.Messaging;

/// <summary>
/// A message to send at <see cref="DueAt"/>: on one channel, from one template, to one owner. A message with a
/// <see cref="DedupKey"/> is queued once, however often it is asked for. <see cref="Purpose"/> names the consent it
/// needs at send time (null for service messages such as confirmations, which need none). An email may carry one
/// attachment (a calendar file); a WhatsApp message may carry the approved template to send outside the 24-hour window;
/// <see cref="AppointmentStart"/> is the start the message was written for, so a moved appointment is noticed at send time.
/// </summary>
public sealed record QueuedMessage(
    Guid Id, Guid? Clinic, Guid? Owner, string Channel, string Template, string? Purpose, Guid? Booking, string? DedupKey,
    string Recipient, string? Subject, string Body, DateTimeOffset DueAt,
    EmailAttachment? Attachment = null, WhatsAppTemplate? WhatsAppTemplate = null, DateTimeOffset? AppointmentStart = null);

/// <summary>Where every outgoing message starts: the queue the dispatcher sends from, which is also the delivery log.</summary>
public interface IMessageQueue
{
    /// <summary>False when a message with the same dedup key is queued already.</summary>
    Task<bool> EnqueueAsync(QueuedMessage message, CancellationToken cancellationToken);
}

/// <summary>The statuses a message passes through, as the delivery log records them.</summary>
public static class MessageStatuses
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Bounced = "bounced";
    public const string Failed = "failed";
    public const string Undelivered = "undelivered";
    public const string Read = "read";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Queued, Sending, Sent, Delivered, Bounced, Failed, Undelivered, Read, Skipped];

    /// <summary>Statuses the dispatcher is done with: their log may be purged once the clinic's retention has passed.</summary>
    public static readonly IReadOnlyList<string> Finished = [Sent, Delivered, Bounced, Failed, Undelivered, Read, Skipped];
}
