using VetOS.Domain.Owners;

namespace VetOS.Domain.Tests.Owners;

/// <summary>Given (Alice's past events) / When (a command) / Then (new events), ThenNothing, or ThenFails (the broken rule).</summary>
internal static class OwnerSpec
{
    public static Scenario Given(params object[] events) => new(OwnerRecord.From(People.Alice, events));

    internal sealed class Scenario(OwnerRecord state)
    {
        public Outcome When(OwnerCommand command) => new(Owner.Decide(state, command), command);
    }

    internal sealed class Outcome(OwnerDecision decision, OwnerCommand command)
    {
        public void Then(params object[] expectedEvents)
        {
            decision.Error.Should().BeNull("{0} should be accepted", command);
            decision.Events.Should().Equal(expectedEvents);
        }

        /// <summary>Accepted, and nothing to record.</summary>
        public void ThenNothing() => Then();

        public void ThenFails(OwnerError error)
        {
            decision.Error.Should().Be(error, "{0} should be refused", command);
            decision.IsRefused.Should().BeTrue();
            decision.Events.Should().BeEmpty();
        }
    }
}
