using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>
/// Given (past events) / When (a command) / Then (new events) or ThenFails (the broken rule), against the pure
/// <see cref="Booking.Decide"/>. The state is rebuilt with <see cref="Appointment.From"/>; events compare by record equality.
/// </summary>
internal static class BookingSpec
{
    public static Scenario Given(params object[] events) => new(events, Clinic.Rules);

    internal sealed class Scenario(object[] history, ClinicRules clinic)
    {
        /// <summary>Decide under other clinic rules than <see cref="Clinic.Rules"/>.</summary>
        public Scenario Under(ClinicRules rules) => new(history, rules);

        public Outcome When(BookingCommand command) =>
            new(Booking.Decide(Appointment.From(history), command, clinic), command);
    }

    internal sealed class Outcome(Decision decision, BookingCommand command)
    {
        public Decision Decision => decision;

        public void Then(params object[] expectedEvents)
        {
            decision.Error.Should().BeNull("{0} should be accepted", command);
            decision.IsRefused.Should().BeFalse();
            decision.Events.Should().Equal(expectedEvents);
        }

        public void ThenFails(BookingError error)
        {
            decision.Error.Should().Be(error, "{0} should be refused", command);
            decision.IsRefused.Should().BeTrue();
            decision.Events.Should().BeEmpty();
        }
    }
}
