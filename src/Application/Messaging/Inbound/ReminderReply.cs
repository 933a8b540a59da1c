using VetOS.Application.Bookings;
using VetOS.Application.EventStore;
using VetOS.Application.Messaging.Templates;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Application.Messaging.Inbound;

/// <summary>
/// A Y or N to a reminder. Y is the owner saying they will come: it is recorded and changes nothing (only staff confirm
/// appointments). N cancels under the owner's own rules, acting as the owner the reminder went to; inside the
/// cancellation window it is refused and the reply says why.
/// </summary>
public sealed class ReminderReply(IAppointments appointments, IClinicRulesSource rules, IMessageFacts facts, BookingCommandRunner runner)
{
    public async Task<(string Action, string? Reply)> AnswerAsync(SentReminder reminder, bool willCome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (state, revision) = await appointments.LoadAsync(new BookingId(reminder.Booking), cancellationToken);
        if (await facts.ClinicAsync(reminder.Clinic, cancellationToken) is not { } clinic)
            return ("unmatched", null);
        var card = clinic.Card;
        if (state.Status != AppointmentStatus.Confirmed || state.Slot.Start != reminder.AppointmentStart || now >= state.Slot.Start)
            return ("reminder-outdated", ReminderMessages.Changed(card));
        var (pet, type) = await facts.NamesAsync(state.Pet.Value, state.Type.Value, cancellationToken);
        var appointment = new AppointmentFacts(reminder.Booking, revision, reminder.Clinic, reminder.Owner, pet, type, state.Slot.Start, state.Slot.End);
        if (willCome)
            return ("acknowledged", ReminderMessages.Acknowledged(appointment, card));

        var clinicRules = await rules.FindAsync(state.Clinic, cancellationToken)
            ?? throw new InvalidOperationException($"Clinic {state.Clinic} has no rules.");
        var cancel = new CancelAppointment(state.Id, Actor.Owner(new OwnerId(reminder.Owner)), now, "Replied N to a reminder");
        try
        {
            var result = await runner.DecideAndSaveAsync(state, revision, cancel, clinicRules, cancellationToken);
            return result.Error is { } error
                ? ("cancel-refused", ReminderMessages.NotCancelled(error.Message, card))
                : ("cancelled", ReminderMessages.Cancelled(appointment, card));
        }
        catch (WrongExpectedRevisionException)
        {
            return ("reminder-outdated", ReminderMessages.Changed(card));
        }
    }
}
