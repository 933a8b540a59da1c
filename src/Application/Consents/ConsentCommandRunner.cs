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
        OwnerId owner, ClinicId clinic, string purposeKey, string channel, Func<DateTimeOffset, ChooseConsent> command, CancellationToken cancellationToken)
    {
        ConsentChoiceResult Refused(ConsentError error) => ConsentChoiceResult.Refused(clinic.Value, owner.Value, purposeKey, error);
        if (!await clients.IsClientAsync(owner, clinic, cancellationToken))
            return Refused(ConsentRefusals.NotAClient);
        ConsentPurpose? purpose = null;
        try
        {
            var handled = await CommandService.HandleAsync(stream, (owner, clinic), Policy, async (ledger, _, ct) =>
            {
                purpose = (await purposes.ForClinicAsync(clinic.Value, ct)).FirstOrDefault(p => p.Key == purposeKey);
                // Whole microseconds, as PostgreSQL keeps them: replaying the events and reading the periods then agree at every instant.
                var ticks = clock.GetUtcNow();
                var now = ticks.AddTicks(-(ticks.Ticks % TimeSpan.TicksPerMicrosecond));
                var choice = command(now);
                var by = choice.By?.Tag ?? $"{ConsentSources.InboundMessage}:{choice.Evidence.MessageId}";
                return new Decided<ConsentError>(Consent.Decide(ledger, choice, purpose), by, now);
            }, cancellationToken);
            return handled.Error is { } error
                ? Refused(error)
                : new ConsentChoiceResult(clinic.Value, owner.Value, purposeKey, ChannelConsent.Of(handled.State, purpose!, channel, handled.At), null);
        }
        catch (WrongExpectedRevisionException)
        {
            return Refused(ConsentRefusals.Busy);
        }
        catch (SubjectErasedException)
        {
            return Refused(ConsentRefusals.NotAClient); // an erased owner is gone
        }
    }

    private sealed class LedgerStream(IConsentLedgers ledgers) : IAggregateStream<(OwnerId Owner, ClinicId Clinic), ConsentLedger>
    {
        public async Task<(ConsentLedger State, long Revision)> LoadAsync((OwnerId Owner, ClinicId Clinic) id, CancellationToken cancellationToken)
        {
            var stream = await ledgers.LoadAsync(id.Owner, id.Clinic, cancellationToken);
            return (stream.Ledger, stream.Ledger.Revision);
        }

        public ConsentLedger Evolve(ConsentLedger state, object @event) => state.Apply((IConsentEvent)@event);

        public Task<long> AppendAsync(
            (OwnerId Owner, ClinicId Clinic) id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
            ledgers.SaveAsync(id.Owner, id.Clinic, expectedRevision, events, metadata, cancellationToken);
    }
}
