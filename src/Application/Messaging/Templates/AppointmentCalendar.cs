using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace VetOS.Application.Messaging.Templates;

/// <summary>
/// The calendar file sent with a confirmation or a move: one event whose UID is the booking's, so a calendar replaces
/// the earlier version (a higher SEQUENCE) rather than adding a second one.
/// </summary>
public static class AppointmentCalendar
{
    public const string FileName = "appointment.ics";
    public const string ContentType = "text/calendar; charset=utf-8; method=PUBLISH";

    public static EmailAttachment For(AppointmentFacts a, ClinicCard clinic, DateTimeOffset stamp)
    {
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//VetOS//Appointments//EN" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{a.Booking:N}@vetos",
            Sequence = (int)Math.Min(a.Revision, int.MaxValue),
            DtStamp = new CalDateTime(stamp.UtcDateTime),
            DtStart = new CalDateTime(a.Start.UtcDateTime),
            DtEnd = new CalDateTime(a.End.UtcDateTime),
            Summary = $"{a.Type} for {a.Pet} at {clinic.Name}",
            Location = clinic.Address,
            Description = $"To change or cancel, {clinic.Contact}.",
        });
        return new EmailAttachment(FileName, ContentType, Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar)!));
    }
}
