using VetOS.Application.Messaging.Templates;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Application.Messaging;

/// <summary>What one booking event means for messages: reminders to drop (and why), and messages to queue.</summary>
public sealed record MessagePlan(string? DropRemindersBecause, IReadOnlyList<QueuedMessage> Messages)
{
    public static readonly MessagePlan Nothing = new(null, []);
}

/// <summary>
/// Booking events to messages, as pure decisions. The owner hears of each change on their preferred channel (email
/// unless they prefer SMS or WhatsApp and have a phone); a confirmed time brings a calendar file and its reminders.
/// </summary>
public static class BookingMessagePlanner
{
    public const string Cancelled = "booking-cancelled";
    public const string Moved = "booking-moved";

    public static string? DropRemindersBecause(object @event) => @event switch
    {
        AppointmentCancelled or AppointmentDeclined => Cancelled,
        AppointmentRescheduled => Moved,
        _ => null,
    };

    /// <summary>The notice an event calls for; none for a request confirmed in the same breath (the confirmation says it all).</summary>
    public static BookingNotice? NoticeFor(object @event, IReadOnlyList<object> stream, long revision, AppointmentStatus statusAfter) => @event switch
    {
        AppointmentRequested r when stream.ElementAtOrDefault((int)revision + 1) is AppointmentConfirmed c && c.At == r.At => null,
        AppointmentRequested => BookingNotice.Requested,
        AppointmentConfirmed => BookingNotice.Confirmed,
        AppointmentDeclined => BookingNotice.Declined,
        AppointmentRescheduled => statusAfter == AppointmentStatus.Confirmed ? BookingNotice.Rescheduled : BookingNotice.RescheduleRequested,
        AppointmentCancelled => BookingNotice.Cancelled,
        _ => null,
    };

    public static MessagePlan Plan(
        object @event, IReadOnlyList<object> stream, long revision, AppointmentFacts a, ClinicMessaging clinic, OwnerContact owner,
        DateTimeOffset now, MessageContentSettings settings)
    {
        var drop = DropRemindersBecause(@event);
        var status = Appointment.From(stream.Take((int)revision + 1).Cast<IBookingEvent>()).Status;
        // Nothing to tell about an appointment that has begun (or, on a rebuild, long passed).
        if (now >= a.Start)
            return new(drop, []);
        var messages = new List<QueuedMessage>();
        if (NoticeFor(@event, stream, revision, status) is { } notice && Notice(notice, @event, a, clinic.Card, owner, now) is { } message)
            messages.Add(message);
        if (status == AppointmentStatus.Confirmed && @event is AppointmentConfirmed or AppointmentRescheduled)
            messages.AddRange(ReminderPlanner.Plan(a, clinic, owner, now, settings.WhatsAppReminderTemplateSid));
        return new(drop, messages);
    }

    private static QueuedMessage? Notice(BookingNotice notice, object @event, AppointmentFacts a, ClinicCard card, OwnerContact owner, DateTimeOffset now)
    {
        var (channel, to) = owner.Reach();
        if (to is null)
            return null;
        var template = BookingMessages.Template(notice);
        var key = $"booking:{a.Booking:N}:{a.Revision}";
        if (channel != MessageChannels.Email)
            return new QueuedMessage(Guid.CreateVersion7(), a.Clinic, a.Owner, channel, template, null, a.Booking, key, to, null,
                BookingMessages.Text(notice, a, card), now, AppointmentStart: a.Start);
        var previous = (@event as AppointmentRescheduled)?.PreviousStart;
        var (subject, body) = BookingMessages.Email(notice, a, card, previous);
        var calendar = BookingMessages.CarriesCalendar(notice) ? AppointmentCalendar.For(a, card, At(@event) ?? now) : null;
        return new QueuedMessage(Guid.CreateVersion7(), a.Clinic, a.Owner, channel, template, null, a.Booking, key, to, subject, body, now,
            Attachment: calendar, AppointmentStart: a.Start);
    }

    private static DateTimeOffset? At(object @event) => @event switch
    {
        AppointmentConfirmed e => e.At,
        AppointmentRescheduled e => e.At,
        _ => null,
    };
}
