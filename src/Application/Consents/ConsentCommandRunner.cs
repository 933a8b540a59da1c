using VetOS.Application.Bookings;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>
/// The one way a consent choice runs: load the owner's ledger and the clinic's purposes, let the rules decide, save.
/// A choice that lost a race is decided again on the new ledger, so parallel choices all apply, in turn.
/// </summary>
public sealed class ConsentCommandRunner(IConsentLedgers ledgers, IConsentPurposes purposes, IPetDirectory clients, TimeProvider clock)
{
    // Enough for a burst of parallel choices on one consent: each round, one of them is saved.
    private const int Attempts = 30;

    public async Task<ConsentChoiceResult> ChooseAsync(
        Guid owner, Guid clinic, string purposeKey, string channel, Func<DateTimeOffset, ChooseConsent> command, CancellationToken cancellationToken)
    {
        if (!await clients.IsClientAsync(new OwnerId(owner), new ClinicId(clinic), cancellationToken))
            return ConsentChoiceResult.Refused(clinic, owner, purposeKey, ConsentRefusals.NotAClient);
        for (var attempt = 1; ; attempt++)
        {
            var purpose = (await purposes.ForClinicAsync(clinic, cancellationToken)).FirstOrDefault(p => p.Key == purposeKey);
            var stream = await ledgers.LoadAsync(owner, clinic, cancellationToken);
            // Whole microseconds, as PostgreSQL keeps them: replaying the events and reading the periods then agree at every instant.
            var ticks = clock.GetUtcNow();
            var now = ticks.AddTicks(-(ticks.Ticks % TimeSpan.TicksPerMicrosecond));
            var choice = command(now);
            var decision = Consent.Decide(stream.Ledger, choice, purpose);
            if (decision.Error is { } error)
                return ConsentChoiceResult.Refused(clinic, owner, purposeKey, error);
            if (decision.Events.Count > 0)
            {
                var by = choice.By?.Tag ?? $"{ConsentSources.InboundMessage}:{choice.Evidence.MessageId}";
                try
                {
                    await ledgers.SaveAsync(owner, clinic, stream.Ledger.Revision, decision.Events, new EventMetadata(Guid.NewGuid(), null, by, now), cancellationToken);
                }
                catch (WrongExpectedRevisionException) when (attempt < Attempts)
                {
                    continue;
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
            var after = decision.Events.Aggregate(stream.Ledger, (ledger, e) => ledger.Apply(e));
            return new ConsentChoiceResult(clinic, owner, purposeKey, ChannelConsent.Of(after, purpose!, channel, now), null);
        }
    }
}
