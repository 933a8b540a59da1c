using VetOS.Application.Messaging.Templates;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Messaging;

/// <summary>
/// The reminders of a confirmed appointment: one per offset of the clinic's policy and per channel the clinic sends
/// reminders on and the owner can be reached on. Consent is not asked here but at send time, so a consent given after
/// booking still brings reminders and one withdrawn meanwhile stops them. A reminder whose time has passed is not planned.
/// </summary>
public static class ReminderPlanner
{
    public static IEnumerable<QueuedMessage> Plan(
        AppointmentFacts a, ClinicMessaging clinic, OwnerContact owner, DateTimeOffset now, string? whatsAppTemplateSid)
    {
        var card = clinic.Card;
        foreach (var offset in clinic.Reminders.Offsets.Distinct().OrderByDescending(o => o))
        {
            var due = clinic.Reminders.DueAt(a.Start, offset, card.TimeZone);
            if (due <= now || due >= a.Start)
                continue;
            foreach (var channel in MessageChannels.All.Where(clinic.ReminderChannels.Contains))
            {
                var to = channel == MessageChannels.Email ? owner.Email : owner.Phone;
                if (string.IsNullOrWhiteSpace(to))
                    continue;
                var (subject, body) = channel == MessageChannels.Email
                    ? ReminderMessages.Email(a, card)
                    : ((string?)null, ReminderMessages.Text(channel, a, card));
                var template = channel == MessageChannels.WhatsApp && !string.IsNullOrWhiteSpace(whatsAppTemplateSid)
                    ? ReminderMessages.WhatsApp(whatsAppTemplateSid, a, card)
                    : null;
                yield return new QueuedMessage(
                    Guid.CreateVersion7(), a.Clinic, a.Owner, channel, ReminderMessages.Template, ConsentPurpose.AppointmentReminders, a.Booking,
                    DedupKey(a, offset, channel), to, subject, body, due, WhatsAppTemplate: template, AppointmentStart: a.Start);
            }
        }
    }

    /// <summary>One reminder per confirmed time, offset and channel: a move makes new ones, a replay none.</summary>
    public static string DedupKey(AppointmentFacts a, TimeSpan offset, string channel) =>
        $"reminder:{a.Booking:N}:{a.Revision}:{(long)offset.TotalMinutes}:{channel}";
}
