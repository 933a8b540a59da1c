using VetOS.Application.Bookings;
using VetOS.Application.Commands;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>The consent decide on the command service: the owner's ledger at the clinic, the clinic's purpose, and the result the API shows.</summary>
public sealed class ConsentCommandRunner(IConsentLedgers ledgers, IConsentPurposes purposes, IPetDirectory clients, TimeProvider clock)
{
    // Choices on one consent from other channels (portal, desk, an inbound reply) are independent: one that lost a race
    // is decided again on the new ledger, so a burst of parallel choices all apply, in turn (each round, one is saved).
    private static readonly Retries Policy = Retries.UpTo(30);

    private readonly LedgerStream stream = new(ledgers);

    public async Task<ConsentChoiceResult> ChooseAsync(
        Guid owner, Guid clinic, string purposeKey, string channel, Func<DateTimeOffset, ChooseConsent> command, CancellationToken cancellationToken)
    {
        if (!await clients.IsClientAsync(new OwnerId(owner), new ClinicId(clinic), cancellationToken))
            return ConsentChoiceResult.Refused(clinic, owner, purposeKey, ConsentRefusals.NotAClient);
        ConsentPurpose? purpose = null;
        try
        {
            var handled = await CommandService.HandleAsync(stream, (owner, clinic), Policy, async (ledger, _, ct) =>
            {
                purpose = (await purposes.ForClinicAsync(clinic, ct)).FirstOrDefault(p => p.Key == purposeKey);
                // Whole microseconds, as PostgreSQL keeps them: replaying the events and reading the periods then agree at every instant.
                var ticks = clock.GetUtcNow();
                var now = ticks.AddTicks(-(ticks.Ticks % TimeSpan.TicksPerMicrosecond));
                var choice = command(now);
                var by = choice.By?.Tag ?? $"{ConsentSources.InboundMessage}:{choice.Evidence.MessageId}";
                return new Decided<ConsentError>(Consent.Decide(ledger, choice, purpose), by, now);
            }, cancellationToken);
            return handled.Error is { } error
                ? ConsentChoiceResult.Refused(clinic, owner, purposeKey, error)
                : new ConsentChoiceResult(clinic, owner, purposeKey, ChannelConsent.Of(handled.State, purpose!, channel, handled.At), null);
        }
        catch (WrongExpectedRevisionException)
        {
            return ConsentChoiceResult.Refused(clinic, owner, purposeKey, ConsentRefusals.Busy);
        }
        catch (SubjectErasedException)
        {
            return ConsentChoiceResult.Refused(clinic, owner, purposeKey, ConsentRefusals.NotAClient); // an erased owner is gone
        }
    }

    private sealed class LedgerStream(IConsentLedgers ledgers) : IAggregateStream<(Guid Owner, Guid Clinic), ConsentLedger>
    {
        public async Task<(ConsentLedger State, long Revision)> LoadAsync((Guid Owner, Guid Clinic) id, CancellationToken cancellationToken)
        {
            var stream = await ledgers.LoadAsync(id.Owner, id.Clinic, cancellationToken);
            return (stream.Ledger, stream.Ledger.Revision);
        }

        public ConsentLedger Evolve(ConsentLedger state, object @event) => state.Apply((IConsentEvent)@event);

        public Task<long> AppendAsync(
            (Guid Owner, Guid Clinic) id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
            ledgers.SaveAsync(id.Owner, id.Clinic, expectedRevision, events, metadata, cancellationToken);
    }
}
