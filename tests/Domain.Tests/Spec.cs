namespace VetOS.Domain.Tests;

/// <summary>
/// When (a command) / Then (new events), ThenNothing, or ThenFails (the broken rule), against an aggregate's pure decide
/// over the state its given events left. Each aggregate's spec says how it decides; events compare by record equality.
/// </summary>
internal class Spec<TCommand, TError>(Func<TCommand, Decision<TError>> decide) where TError : class
{
    public Outcome When(TCommand command) => new(decide(command), command!);

    internal sealed class Outcome(Decision<TError> decision, object command)
    {
        public Decision<TError> Decision => decision;

        public void Then(params object[] expectedEvents)
        {
            decision.Error.Should().BeNull("{0} should be accepted", command);
            decision.IsRefused.Should().BeFalse();
            decision.Events.Should().Equal(expectedEvents);
        }

        /// <summary>Accepted, and nothing to record.</summary>
        public void ThenNothing() => Then();

        public void ThenFails(TError error)
        {
            decision.Error.Should().Be(error, "{0} should be refused", command);
            decision.IsRefused.Should().BeTrue();
            decision.Events.Should().BeEmpty();
        }
    }
}
