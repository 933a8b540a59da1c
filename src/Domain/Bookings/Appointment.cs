namespace VetOS.Domain.Bookings;

public enum AppointmentStatus { None, Requested, Confirmed, Declined, Cancelled, Attended, NoShow }

/// <summary>An appointment as its events left it.</summary>
public sealed record Appointment(
    BookingId Id,
    ClinicId Clinic,
    OwnerId Owner,
    PetId Pet,
    AppointmentTypeId Type,
    ResourceId Resource,
    TimeSlot Slot,
    AppointmentStatus Status)
{
    public static readonly Appointment None = new(default, default, default, default, default, default, default, AppointmentStatus.None);

    public bool Exists => Status != AppointmentStatus.None;

    public bool IsFinished => Status is AppointmentStatus.Declined or AppointmentStatus.Cancelled or AppointmentStatus.Attended or AppointmentStatus.NoShow;

    public Appointment Apply(IBookingEvent @event) => @event switch
    {
        AppointmentRequested e => new Appointment(
            new BookingId(e.BookingId), new ClinicId(e.ClinicId), new OwnerId(e.OwnerId), new PetId(e.PetId),
            new AppointmentTypeId(e.AppointmentTypeId), new ResourceId(e.ResourceId), new TimeSlot(e.Start, e.End), AppointmentStatus.Requested),
        AppointmentConfirmed => this with { Status = AppointmentStatus.Confirmed },
        AppointmentDeclined => this with { Status = AppointmentStatus.Declined },
        AppointmentRescheduled e => this with
        {
            Resource = new ResourceId(e.ResourceId),
            Slot = new TimeSlot(e.Start, e.End),
            Status = e.AwaitsConfirmation ? AppointmentStatus.Requested : Status,
        },
        AppointmentCancelled => this with { Status = AppointmentStatus.Cancelled },
        AppointmentAttended => this with { Status = AppointmentStatus.Attended },
        AppointmentMissed => this with { Status = AppointmentStatus.NoShow },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Not applied to an appointment."),
    };

    public static Appointment From(IEnumerable<IBookingEvent> events) => events.Aggregate(None, (state, e) => state.Apply(e));
}
