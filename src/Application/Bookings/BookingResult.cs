using VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

/// <summary>What a booking command did: the appointment's id, new revision and status, or the rule it broke.</summary>
public sealed record BookingResult(Guid Id, long Revision, AppointmentStatus Status, BookingError? Error)
{
    public static BookingResult Refused(Guid id, BookingError error) => new(id, -1, AppointmentStatus.None, error);
}
