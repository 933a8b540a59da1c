using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Application.Messaging;

/// <summary>
/// At send time, a reminder goes only for an appointment that is still confirmed, still at the time the reminder
/// names, and still ahead. The booking is read from its stream, so the check is never behind.
/// </summary>
public sealed class BookingReminderGate(IAppointments appointments, IPlannedMessages planned) : IMessageGate
{
    public const string NotConfirmed = "booking-not-confirmed";
    public const string Started = "booking-started";

    public async Task<string?> SkipReasonAsync(QueuedMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.Booking is not { } booking || message.Purpose is null)
            return null;
        var (state, _) = await appointments.LoadAsync(new BookingId(booking), cancellationToken);
        if (state.Status is AppointmentStatus.Cancelled or AppointmentStatus.Declined or AppointmentStatus.None)
            return BookingMessagePlanner.Cancelled;
        var plannedFor = message.AppointmentStart ?? await planned.AppointmentStartAsync(message.Id, cancellationToken);
        if (plannedFor is { } start && start != state.Slot.Start)
            return BookingMessagePlanner.Moved;
        if (state.Status != AppointmentStatus.Confirmed)
            return NotConfirmed;
        return now >= state.Slot.Start ? Started : null;
    }
}
