namespace VetOS.Application.Messaging.Inbound;

/// <summary>An owner a phone number belongs to, and the clinics they are a client of.</summary>
public sealed record PhoneOwner(Guid Owner, IReadOnlyList<Guid> Clinics);

/// <summary>The latest reminder sent to a number on a channel, for an appointment still ahead.</summary>
public sealed record SentReminder(Guid Message, Guid Clinic, Guid Owner, Guid Booking, DateTimeOffset AppointmentStart);

/// <summary>An inbound message as kept: its provider id, channel, the owners it came from, what it did. Never its text or number.</summary>
public sealed record InboundRecord(string MessageSid, string Channel, IReadOnlyList<Guid> Owners, string Action, Guid? Booking, DateTimeOffset ReceivedAt);

public interface IInboundMessages
{
    Task<bool> SeenAsync(string messageSid, CancellationToken cancellationToken);

    /// <summary>Keeps the record once; a second one with the same id is ignored.</summary>
    Task RecordAsync(InboundRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// The owners with that number now, and those VetOS sent (or queued) a message to at that number while the log keeps
    /// it: a STOP from a number an owner has since left still reaches them.
    /// </summary>
    Task<IReadOnlyList<PhoneOwner>> OwnersByPhoneAsync(string phone, CancellationToken cancellationToken);

    Task<SentReminder?> LatestReminderAsync(string channel, string phone, DateTimeOffset now, CancellationToken cancellationToken);
}
