using VetOS.Application.Bookings;
using VetOS.Domain.Bookings;

namespace VetOS.Web.Portal.Booking;

/// <summary>The booking rules an owner may run into, each said in words, with the clinic's phone where a call is the way on.</summary>
public static class BookingRefusals
{
    private static readonly Dictionary<string, Func<BookingOptions, string>> Sentences = new()
    {
        [BookingErrors.InsideCancellationWindow.Code] = c =>
            $"{c.Details.Name} takes changes and cancellations online up to {Span(c.CancellationWindow)} before an appointment. " +
            $"It is too close to this one now: please call the clinic on {c.Details.ContactPhone}.",
        [BookingErrors.InsideLeadTime.Code] = _ => "That time is too soon for the clinic to prepare. Please choose a later time.",
        [BookingErrors.BeyondHorizon.Code] = _ => "That time is further ahead than the clinic takes bookings. Please choose an earlier time.",
        [BookingErrors.OutsideOpeningHours.Code] = _ => "The clinic is not open for the whole of that time. Please choose another time.",
        [BookingErrors.Blocked.Code] = _ => "That time is no longer free. Please choose another time.",
        [BookingErrors.ResourceNotSuitable.Code] = _ => "That time is no longer free. Please choose another time.",
        [BookingErrors.AlreadyExists.Code] = _ => "That time is no longer free. Please choose another time.",
        [BookingErrors.SameSlot.Code] = _ => "Your appointment is already at that time. Choose another time to move it.",
        [BookingErrors.SpeciesNotAccepted.Code] = _ => "The clinic does not offer that kind of appointment for this pet's species. Please choose another reason.",
        [BookingErrors.UnknownAppointmentType.Code] = _ => "The clinic no longer offers that kind of appointment. Please choose another reason.",
        [BookingErrors.PetArchived.Code] = _ => "That pet is archived; appointments are booked for your current pets.",
        [BookingErrors.NotOwnersPet.Code] = _ => "Appointments are booked for your own pets. Please choose one of them.",
        [BookingErrors.NotAClient.Code] = c => $"You are not yet a client of {c.Details.Name}. Become a client first, then book.",
        [BookingErrors.Finished.Code] = c => $"This appointment is over or cancelled and no longer changes. To see the clinic again, book a new appointment or call {c.Details.ContactPhone}.",
        [BookingErrors.StartPassed.Code] = _ => "The time you asked for has passed. Please book a new appointment instead.",
    };

    public static string Explain(BookingError error, BookingOptions clinic) =>
        Sentences.TryGetValue(error.Code, out var sentence)
            ? sentence(clinic)
            : $"{error.Message} If you need help, please call {clinic.Details.Name} on {clinic.Details.ContactPhone}.";

    /// <summary>An expected revision that no longer holds: someone (the clinic) changed the appointment meanwhile.</summary>
    public const string ChangedMeanwhile = "The clinic changed this appointment while you were looking at it. Here it is as it stands now; please try again.";

    private static string Span(TimeSpan span) =>
        span.TotalHours % 24 == 0 && span.TotalHours >= 48 ? $"{span.TotalDays:0} days"
        : span.TotalHours >= 1 ? $"{span.TotalHours:0} hours"
        : $"{span.TotalMinutes:0} minutes";
}
