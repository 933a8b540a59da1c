using VetOS.Domain.Events;

namespace VetOS.Domain.Bookings;

/// <summary>An event in an appointment's stream; <see cref="Appointment.Apply"/> has a case for each.</summary>
public interface IBookingEvent;

[EventType("booking.v1.requested")]
public sealed record AppointmentRequested(
    Guid BookingId, Guid ClinicId, Guid OwnerId, Guid PetId, Guid AppointmentTypeId, Guid ResourceId,
    DateTimeOffset Start, DateTimeOffset End, string By, DateTimeOffset At) : IBookingEvent;

[EventType("booking.v1.confirmed")]
public sealed record AppointmentConfirmed(Guid BookingId, string By, DateTimeOffset At) : IBookingEvent;

/// <summary>The clinic is named since 2026-12 (events written before lack it): the reason is that clinic's to keep or erase.</summary>
[EventType("booking.v1.declined")]
public sealed record AppointmentDeclined(
    Guid BookingId, [property: DataSubject] Guid OwnerId, [property: PersonalData] string Reason, string By, DateTimeOffset At,
    [property: DataController] Guid? ClinicId = null) : IBookingEvent;

/// <summary>Moved to another slot; when an owner moves a type the clinic confirms itself, it awaits confirmation again.</summary>
[EventType("booking.v1.rescheduled")]
public sealed record AppointmentRescheduled(
    Guid BookingId, Guid ResourceId, DateTimeOffset Start, DateTimeOffset End,
    Guid PreviousResourceId, DateTimeOffset PreviousStart, DateTimeOffset PreviousEnd, string By, DateTimeOffset At,
    bool AwaitsConfirmation = false) : IBookingEvent;

/// <summary>The clinic is named since 2026-12 (events written before lack it): the reason is that clinic's to keep or erase.</summary>
[EventType("booking.v1.cancelled")]
public sealed record AppointmentCancelled(
    Guid BookingId, [property: DataSubject] Guid OwnerId, [property: PersonalData] string Reason, string By, DateTimeOffset At,
    [property: DataController] Guid? ClinicId = null) : IBookingEvent;

[EventType("booking.v1.attended")]
public sealed record AppointmentAttended(Guid BookingId, string By, DateTimeOffset At) : IBookingEvent;

[EventType("booking.v1.no-show")]
public sealed record AppointmentMissed(Guid BookingId, string By, DateTimeOffset At) : IBookingEvent;
