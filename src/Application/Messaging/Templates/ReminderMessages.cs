namespace VetOS.Application.Messaging.Templates;

/// <summary>A reminder of an appointment, by email, SMS or WhatsApp; the SMS and WhatsApp ones take a Y or N reply.</summary>
public static class ReminderMessages
{
    public const string Template = "appointment-reminder";

    public static (string Subject, string Body) Email(AppointmentFacts a, ClinicCard clinic) =>
        ($"Reminder: {a.Pet}'s appointment at {clinic.Name}, {clinic.Short(a.Start)}",
         $"A reminder of {a.Pet}'s appointment at {clinic.Name}: {a.Type} on {clinic.Long(a.Start)}.\n\n"
         + "If you cannot come, please cancel in the booking portal or contact the clinic, so that someone else can have the time.\n\n"
         + "You receive reminders because you asked for them; you can switch them off in the booking portal at any time."
         + BookingMessages.PageOf(a) + "\n\n"
         + clinic.Footer);

    public static string Text(string channel, AppointmentFacts a, ClinicCard clinic) =>
        $"{clinic.Name}: reminder of {a.Pet}'s {a.Type} on {clinic.Short(a.Start)}. Reply Y if you will come or N to cancel"
        + (channel == Domain.MessageChannels.Sms ? ", STOP to opt out" : "")
        + $". Questions: {clinic.Contact}.";

    /// <summary>The approved WhatsApp template's variables: 1 the pet, 2 the time, 3 the clinic.</summary>
    public static WhatsAppTemplate WhatsApp(string contentSid, AppointmentFacts a, ClinicCard clinic) =>
        new(contentSid, new Dictionary<string, string> { ["1"] = a.Pet, ["2"] = clinic.Short(a.Start), ["3"] = clinic.Name });

    /// <summary>The answer to a Y: the owner will come.</summary>
    public static string Acknowledged(AppointmentFacts a, ClinicCard clinic) =>
        $"{clinic.Name}: thank you, we look forward to seeing {a.Pet} on {clinic.Short(a.Start)}. Questions: {clinic.Contact}.";

    /// <summary>The answer to an N the rules allowed.</summary>
    public static string Cancelled(AppointmentFacts a, ClinicCard clinic) =>
        $"{clinic.Name}: {a.Pet}'s {a.Type} on {clinic.Short(a.Start)} is cancelled. To book again, {clinic.Contact}.";

    /// <summary>The answer to a Y or N about an appointment that changed since its reminder.</summary>
    public static string Changed(ClinicCard clinic) => $"{clinic.Name}: that appointment has changed since our reminder. To check it, {clinic.Contact}.";

    /// <summary>The answer to an N the rules refused, saying why.</summary>
    public static string NotCancelled(string why, ClinicCard clinic) => $"{clinic.Name}: {why} To cancel, {clinic.Contact}.";
}
