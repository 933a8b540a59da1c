namespace VetOS.Application.Messaging.Templates;

public enum BookingNotice { Requested, Confirmed, Declined, Rescheduled, RescheduleRequested, Cancelled }

/// <summary>
/// What owners read when their appointment is requested, confirmed, declined, moved or cancelled: the clinic, the pet's
/// name, the type of appointment and the time on the clinic's clock; never the owner's own name, phone or address.
/// </summary>
public static class BookingMessages
{
    public static string Template(BookingNotice notice) => notice switch
    {
        BookingNotice.Requested => "booking-requested",
        BookingNotice.Confirmed => "booking-confirmed",
        BookingNotice.Declined => "booking-declined",
        BookingNotice.Rescheduled => "booking-rescheduled",
        BookingNotice.RescheduleRequested => "booking-reschedule-requested",
        _ => "booking-cancelled",
    };

    /// <summary>Whether the email carries a calendar file: only for a time the clinic has confirmed.</summary>
    public static bool CarriesCalendar(BookingNotice notice) => notice is BookingNotice.Confirmed or BookingNotice.Rescheduled;

    public static (string Subject, string Body) Email(BookingNotice notice, AppointmentFacts a, ClinicCard clinic, DateTimeOffset? previousStart = null)
    {
        var what = $"{a.Type} for {a.Pet}";
        var (subject, text) = notice switch
        {
            BookingNotice.Requested => ($"Appointment requested at {clinic.Name}",
                $"{clinic.Name} has your request: {what} on {clinic.Long(a.Start)}.\n\nThe clinic will confirm it, or suggest another time, and we will let you know."),
            BookingNotice.Confirmed => ($"Appointment confirmed at {clinic.Name}",
                $"Your appointment at {clinic.Name} is confirmed: {what} on {clinic.Long(a.Start)}.\n\nThe attached calendar file adds it to your calendar. To change or cancel it, use the booking portal or contact the clinic."),
            BookingNotice.Declined => ($"Appointment request at {clinic.Name} not confirmed",
                $"{clinic.Name} could not confirm your request: {what} on {clinic.Long(a.Start)}.\n\nPlease choose another time in the booking portal, or contact the clinic."),
            BookingNotice.Rescheduled => ($"Appointment moved at {clinic.Name}",
                $"Your appointment at {clinic.Name} has moved: {what}, now on {clinic.Long(a.Start)}{Was(clinic, previousStart)}.\n\nThe attached calendar file updates your calendar. To change or cancel it, use the booking portal or contact the clinic."),
            BookingNotice.RescheduleRequested => ($"Request to move your appointment at {clinic.Name}",
                $"{clinic.Name} has your request to move {what} to {clinic.Long(a.Start)}{Was(clinic, previousStart)}.\n\nThe clinic will confirm the new time and we will let you know."),
            _ => ($"Appointment cancelled at {clinic.Name}",
                $"Your appointment at {clinic.Name} is cancelled: {what} on {clinic.Long(a.Start)}.\n\nTo book again, use the booking portal or contact the clinic."),
        };
        return (subject, $"{text}{PageOf(a)}\n\n{clinic.Footer}");
    }

    /// <summary>An SMS or WhatsApp message: one or two short sentences, starting with the clinic's name.</summary>
    public static string Text(BookingNotice notice, AppointmentFacts a, ClinicCard clinic)
    {
        var what = $"{a.Pet}'s {a.Type}";
        var when = clinic.Short(a.Start);
        return notice switch
        {
            BookingNotice.Requested => $"{clinic.Name}: we have your request for {what} on {when} and will confirm it soon. Questions: {clinic.Contact}.",
            BookingNotice.Confirmed => $"{clinic.Name}: {what} on {when} is confirmed. To change it, {clinic.Contact}.",
            BookingNotice.Declined => $"{clinic.Name}: sorry, we could not confirm {what} on {when}. Please choose another time, or {clinic.Contact}.",
            BookingNotice.Rescheduled => $"{clinic.Name}: {what} has moved to {when}. To change it, {clinic.Contact}.",
            BookingNotice.RescheduleRequested => $"{clinic.Name}: we have your request to move {what} to {when} and will confirm it soon. Questions: {clinic.Contact}.",
            _ => $"{clinic.Name}: {what} on {when} is cancelled. To book again, {clinic.Contact}.",
        };
    }

    /// <summary>The link to the appointment's page in the portal, where the owner sees, moves or cancels it.</summary>
    internal static string PageOf(AppointmentFacts a) => a.Page is { } page ? $"\n\nYour appointment in the booking portal: {page}" : "";

    private static string Was(ClinicCard clinic, DateTimeOffset? previousStart) =>
        previousStart is { } was ? $" (it was on {clinic.Long(was)})" : "";
}
