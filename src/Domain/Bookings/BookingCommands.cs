using VetOS.Domain.Clinics;

namespace VetOS.Domain.Bookings;

/// <summary>What the booking rules need to know about the pet: whose it is, what it is, and whether it is archived.</summary>
public sealed record PetFacts(PetId Pet, OwnerId Owner, string Species, bool Archived = false);

/// <summary>Every booking command says who acts and when.</summary>
public abstract record BookingCommand(BookingId Booking, Actor By, DateTimeOffset Now);

/// <summary>An owner asks for an appointment, or staff book one for an owner.</summary>
public sealed record RequestAppointment(
    BookingId Booking, Actor By, DateTimeOffset Now,
    OwnerId Owner, PetFacts Pet, bool OwnerIsClient, AppointmentTypeId Type, ResourceId Resource, DateTimeOffset Start)
    : BookingCommand(Booking, By, Now);

public sealed record ConfirmAppointment(BookingId Booking, Actor By, DateTimeOffset Now) : BookingCommand(Booking, By, Now);

public sealed record DeclineAppointment(BookingId Booking, Actor By, DateTimeOffset Now, string Reason) : BookingCommand(Booking, By, Now);

public sealed record RescheduleAppointment(BookingId Booking, Actor By, DateTimeOffset Now, ResourceId Resource, DateTimeOffset Start)
    : BookingCommand(Booking, By, Now);

public sealed record CancelAppointment(BookingId Booking, Actor By, DateTimeOffset Now, string Reason) : BookingCommand(Booking, By, Now);

public sealed record MarkAttended(BookingId Booking, Actor By, DateTimeOffset Now) : BookingCommand(Booking, By, Now);

public sealed record MarkNoShow(BookingId Booking, Actor By, DateTimeOffset Now) : BookingCommand(Booking, By, Now);

/// <summary>The outcome of a decision: the new events, or the rule that was broken.</summary>
public sealed record Decision(IReadOnlyList<object> Events, BookingError? Error) : Decision<BookingError>(Events, Error)
{
    public static Decision Accept(params IBookingEvent[] events) => new(events, null);

    public static implicit operator Decision(BookingError error) => new([], error);
}
