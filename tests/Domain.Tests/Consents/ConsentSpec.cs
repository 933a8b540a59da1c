using VetOS.Domain.Consents;

namespace VetOS.Domain.Tests.Consents;

/// <summary>
/// Given (Alice's past consent events at Riverside) / When (a choice) / Then (new events), ThenNothing, or ThenFails
/// (the broken rule), against the pure <see cref="Consent.Decide"/> and the purpose as the clinic set it up.
/// </summary>
internal static class ConsentSpec
{
    public static Scenario Given(params object[] events) => new(events, Reminders.Purpose());

    internal sealed class Scenario(object[] history, ConsentPurpose? purpose)
    {
        /// <summary>Decide against another purpose (other channels, later notices), or none.</summary>
        public Scenario Under(ConsentPurpose? other) => new(history, other);

        public Outcome When(ChooseConsent command) =>
            new(Consent.Decide(ConsentLedger.From(Reminders.AliceId, Reminders.RiversideId, history), command, purpose), command);
    }

    internal sealed class Outcome(ConsentDecision decision, ChooseConsent command)
    {
        public void Then(params object[] expectedEvents)
        {
            decision.Error.Should().BeNull("{0} should be accepted", command);
            decision.IsRefused.Should().BeFalse();
            decision.Events.Should().Equal(expectedEvents);
        }

        /// <summary>Accepted, and nothing to record: the consent already stands as chosen.</summary>
        public void ThenNothing() => Then();

        public void ThenFails(ConsentError error)
        {
            decision.Error.Should().Be(error, "{0} should be refused", command);
            decision.IsRefused.Should().BeTrue();
            decision.Events.Should().BeEmpty();
        }
    }
}
