using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>
/// Given (past events) / When (a command) / Then (new events) or ThenFails (the broken rule), against the pure
/// <see cref="Booking.Decide"/> under the clinic's rules. The state is rebuilt with <see cref="Appointment.From"/>.
/// </summary>
internal static class BookingSpec
{
    public static Scenario Given(params IBookingEvent[] events) => new(events, Clinic.Rules);

    internal sealed class Scenario(IBookingEvent[] history, ClinicRules clinic)
        : Spec<BookingCommand, BookingError>(command => Booking.Decide(Appointment.From(history), command, clinic))
    {
        /// <summary>Decide under other clinic rules than <see cref="Clinic.Rules"/>.</summary>
        public Scenario Under(ClinicRules rules) => new(history, rules);
    }
}
