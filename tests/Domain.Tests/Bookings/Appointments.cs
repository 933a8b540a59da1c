using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;
using static VetOS.Domain.Tests.Bookings.Clinic;
using static VetOS.Domain.Tests.Bookings.Clients;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>
/// Histories and commands for one appointment. By default: Alice's dog Rex, a Consultation with Dr Patel on
/// Wednesday 2026-11-25 10:00Z–10:20Z (49 h after <see cref="Clinic.Now"/>), asked for on Friday 2026-11-20.
/// </summary>
internal static class Appointments
{
    public static readonly BookingId TheBooking = new(Guid.Parse("b0000000-0000-0000-0000-000000000001"));

    /// <summary>When the appointment in the histories was made: Friday 2026-11-20 12:00Z.</summary>
    public static readonly DateTimeOffset BookedAt = At(2026, 11, 20, 12, 0);

    /// <summary>Wednesday 2026-11-25 10:00Z: 49 h after <see cref="Clinic.Now"/>, well outside the 24 h window.</summary>
    public static readonly DateTimeOffset WednesdayTen = At(2026, 11, 25, 10, 0);

    /// <summary>Tuesday 2026-11-24 08:30Z: 23 h 30 after <see cref="Clinic.Now"/>, inside the 24 h window.</summary>
    public static readonly DateTimeOffset TuesdayEightThirty = At(2026, 11, 24, 8, 30);

    /// <summary>Thursday 2026-11-26 14:00Z: another free, open slot well ahead.</summary>
    public static readonly DateTimeOffset ThursdayTwo = At(2026, 11, 26, 14, 0);

    // ---- Events -------------------------------------------------------------------------------------------

    public static AppointmentRequested Requested(
        DateTimeOffset? start = null, AppointmentType? type = null, ResourceId? resource = null,
        PetFacts? pet = null, Actor? by = null, DateTimeOffset? at = null)
    {
        var t = type ?? Consultation;
        var s = start ?? WednesdayTen;
        var p = pet ?? Rex;
        return new AppointmentRequested(
            TheBooking.Value, Clinic.Id.Value, p.Owner.Value, p.Pet.Value, t.Id.Value, (resource ?? DrPatel).Value,
            s, s + t.Duration, (by ?? Actor.Owner(p.Owner)).Tag, at ?? BookedAt);
    }

    public static AppointmentConfirmed Confirmed(Actor? by = null, DateTimeOffset? at = null) =>
        new(TheBooking.Value, (by ?? Receptionist).Tag, at ?? BookedAt);

    /// <summary>A request awaiting the clinic (a Surgery consult, which owners may only request).</summary>
    public static IBookingEvent[] AwaitingConfirmation(DateTimeOffset? start = null, PetFacts? pet = null) =>
        [Requested(start, SurgeryConsult, DrPatel, pet)];

    /// <summary>A confirmed Consultation with Dr Patel.</summary>
    public static IBookingEvent[] ConfirmedAppointment(DateTimeOffset? start = null, PetFacts? pet = null) =>
        [Requested(start, pet: pet), Confirmed(Actor.Owner((pet ?? Rex).Owner))];

    public static IBookingEvent[] Attended() =>
        [.. ConfirmedAppointment(), new AppointmentAttended(TheBooking.Value, Vet.Tag, WednesdayTen.AddMinutes(20))];

    public static IBookingEvent[] NoShow() =>
        [.. ConfirmedAppointment(), new AppointmentMissed(TheBooking.Value, Vet.Tag, WednesdayTen.AddMinutes(20))];

    public static IBookingEvent[] Cancelled() =>
        [.. ConfirmedAppointment(), new AppointmentCancelled(TheBooking.Value, Alice.Value, "Rex is better", AliceActing.Tag, BookedAt.AddHours(1), Clinic.Id.Value)];

    public static IBookingEvent[] Declined() =>
        [.. AwaitingConfirmation(), new AppointmentDeclined(TheBooking.Value, Alice.Value, "Dr Patel is away", Receptionist.Tag, BookedAt.AddHours(1), Clinic.Id.Value)];

    // ---- Commands -----------------------------------------------------------------------------------------

    public static RequestAppointment Request(
        DateTimeOffset start, AppointmentType? type = null, ResourceId? resource = null, PetFacts? pet = null,
        Actor? by = null, OwnerId? owner = null, bool ownerIsClient = true, DateTimeOffset? now = null, AppointmentTypeId? typeId = null)
    {
        var p = pet ?? Rex;
        var o = owner ?? p.Owner;
        return new RequestAppointment(
            TheBooking, by ?? Actor.Owner(o), now ?? Now, o, p, ownerIsClient, typeId ?? (type ?? Consultation).Id, resource ?? DrPatel, start);
    }

    public static ConfirmAppointment Confirm(Actor by, DateTimeOffset? now = null) => new(TheBooking, by, now ?? Now);

    public static DeclineAppointment Decline(Actor by, string reason = "No surgeon that week", DateTimeOffset? now = null) =>
        new(TheBooking, by, now ?? Now, reason);

    public static RescheduleAppointment Reschedule(Actor by, DateTimeOffset start, ResourceId? resource = null, DateTimeOffset? now = null) =>
        new(TheBooking, by, now ?? Now, resource ?? DrPatel, start);

    public static CancelAppointment Cancel(Actor by, string reason = "Rex is better", DateTimeOffset? now = null) =>
        new(TheBooking, by, now ?? Now, reason);

    public static MarkAttended MarkAttended(Actor by, DateTimeOffset now) => new(TheBooking, by, now);

    public static MarkNoShow MarkNoShow(Actor by, DateTimeOffset now) => new(TheBooking, by, now);
}
