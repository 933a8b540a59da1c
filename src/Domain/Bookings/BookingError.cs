namespace VetOS.Domain.Bookings;

/// <summary>A booking rule that was broken: a stable code the API names, and a sentence for people.</summary>
public sealed record BookingError(string Code, string Message);

public static class BookingErrors
{
    public static readonly BookingError ResourceNotSuitable = new("resource-not-suitable", "That vet or room does not take this type of appointment.");
    public static readonly BookingError WrongDuration = new("wrong-duration", "The slot does not last as long as this type of appointment.");
    public static readonly BookingError InsideLeadTime = new("inside-lead-time", "That start is too soon: the clinic needs more notice.");
    public static readonly BookingError BeyondHorizon = new("beyond-horizon", "That start is further ahead than the clinic takes bookings.");
    public static readonly BookingError OutsideOpeningHours = new("outside-opening-hours", "The clinic is not open for the whole of that slot.");
    public static readonly BookingError Blocked = new("blocked-time", "The clinic is closed or that vet or room is blocked then.");
    public static readonly BookingError UnknownAppointmentType = new("unknown-appointment-type", "The clinic has no such appointment type.");
    public static readonly BookingError NotOwnersPet = new("not-owners-pet", "Appointments are booked for one of the owner's own pets.");
    public static readonly BookingError PetArchived = new("pet-archived", "That pet is archived; appointments are booked for current pets only.");
    public static readonly BookingError SpeciesNotAccepted = new("species-not-accepted", "This type of appointment is not offered for that species.");
    public static readonly BookingError NotAClient = new("not-a-client", "The owner is not a client of this clinic.");
    public static readonly BookingError InsideCancellationWindow = new("inside-cancellation-window", "It is too close to the appointment to change it online; please call the clinic.");
    public static readonly BookingError StaffOnly = new("staff-only", "Only the clinic's staff may do that.");
    public static readonly BookingError NotYours = new("not-yours", "That appointment is not yours to change.");
    public static readonly BookingError Finished = new("appointment-finished", "The appointment is over and no longer changes.");
    public static readonly BookingError NotRequested = new("not-awaiting-confirmation", "Only a requested appointment can be confirmed or declined.");
    public static readonly BookingError NotConfirmed = new("not-confirmed", "Only a confirmed appointment can be marked attended or no-show.");
    public static readonly BookingError StartPassed = new("start-passed", "The requested time has passed; book a new appointment instead.");
    public static readonly BookingError NotStarted = new("not-started", "The appointment has not started yet.");
    public static readonly BookingError AlreadyExists = new("already-exists", "That appointment already exists.");
    public static readonly BookingError NotFound = new("not-found", "There is no such appointment.");
    public static readonly BookingError SameSlot = new("same-slot", "The appointment is already at that time with that vet or room.");
}
