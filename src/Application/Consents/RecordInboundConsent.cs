using FluentValidation;
using Mediator;
using VetOS.Application.Bookings;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>
/// An owner's message changes their consent (an SMS reply of STOP withdraws, START agrees to the notice in force); the
/// message id is the evidence. Only the inbound-message webhook sends this, once it has verified the provider's
/// signature and found the owner: webhooks have no session, so the pipeline checks no one here.
/// </summary>
public sealed record RecordInboundConsentCommand(Guid Owner, Guid Clinic, string Purpose, string Channel, bool Granted, string MessageId)
    : ICommand<ConsentChoiceResult>;

/// <summary>What a consent choice did: nothing refused, or the rule it broke.</summary>
public sealed record ConsentChoiceResult(Guid Clinic, Guid Owner, string Purpose, ConsentError? Error)
{
    public bool IsRefused => Error is not null;
}

public sealed class RecordInboundConsentValidator : AbstractValidator<RecordInboundConsentCommand>
{
    public RecordInboundConsentValidator()
    {
        RuleFor(c => c.Owner).NotEmpty();
        RuleFor(c => c.Clinic).NotEmpty();
        RuleFor(c => c.Purpose).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Channel).Must(MessageChannels.All.Contains);
        RuleFor(c => c.MessageId).NotEmpty().MaximumLength(200);
    }
}

public sealed class RecordInboundConsentHandler(IConsentLedgers ledgers, IConsentPurposes purposes, IPetDirectory clients, TimeProvider clock)
    : ICommandHandler<RecordInboundConsentCommand, ConsentChoiceResult>
{
    private const int Attempts = 10;

    public async ValueTask<ConsentChoiceResult> Handle(RecordInboundConsentCommand c, CancellationToken cancellationToken)
    {
        if (!await clients.IsClientAsync(new OwnerId(c.Owner), new ClinicId(c.Clinic), cancellationToken))
            return new(c.Clinic, c.Owner, c.Purpose, ConsentErrors.NotYours);
        var purpose = (await purposes.ForClinicAsync(c.Clinic, cancellationToken)).FirstOrDefault(p => p.Key == c.Purpose);
        for (var attempt = 1; ; attempt++)
        {
            var stream = await ledgers.LoadAsync(c.Owner, c.Clinic, cancellationToken);
            var now = clock.GetUtcNow();
            var evidence = new ConsentEvidence(ConsentSources.InboundMessage, MessageId: c.MessageId);
            var decision = Consent.Decide(stream.Ledger, new ChooseConsent(c.Owner, c.Clinic, c.Purpose, c.Channel, c.Granted, null, evidence, null, now), purpose);
            if (decision.Error is { } error)
                return new(c.Clinic, c.Owner, c.Purpose, error);
            if (decision.Events.Count == 0)
                return new(c.Clinic, c.Owner, c.Purpose, null);
            try
            {
                var metadata = new EventMetadata(Guid.NewGuid(), null, $"{ConsentSources.InboundMessage}:{c.MessageId}", now);
                await ledgers.SaveAsync(c.Owner, c.Clinic, stream.Ledger.Revision, decision.Events, metadata, cancellationToken);
                return new(c.Clinic, c.Owner, c.Purpose, null);
            }
            catch (WrongExpectedRevisionException) when (attempt < Attempts)
            {
                // another choice landed first: decide again on the new ledger
            }
        }
    }
}
