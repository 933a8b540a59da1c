using FluentValidation;
using Mediator;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>
/// An owner's message changes their consent (an SMS reply of STOP withdraws, START agrees to the notice in force); the
/// message id is the evidence. Only the inbound-message webhook may send this, once it has verified the provider's
/// signature and found the owner: webhooks have no session, so the pipeline checks no one here.
/// </summary>
public sealed record RecordInboundConsentCommand(Guid Owner, Guid Clinic, string Purpose, string Channel, bool Granted, string MessageId)
    : ICommand<ConsentChoiceResult>;

public sealed class RecordInboundConsentValidator : AbstractValidator<RecordInboundConsentCommand>
{
    public RecordInboundConsentValidator()
    {
        RuleFor(c => c.Owner).NotEmpty();
        RuleFor(c => c.Clinic).NotEmpty();
        RuleFor(c => c.Purpose).NotEmpty().MaximumLength(NoticeWording.MaxKeyLength);
        RuleFor(c => c.Channel).Must(MessageChannels.All.Contains).WithMessage(NoticeWording.ChannelMessage);
        RuleFor(c => c.MessageId).NotEmpty().MaximumLength(200);
    }
}

public sealed class RecordInboundConsentHandler(ConsentCommandRunner runner) : ICommandHandler<RecordInboundConsentCommand, ConsentChoiceResult>
{
    public async ValueTask<ConsentChoiceResult> Handle(RecordInboundConsentCommand command, CancellationToken cancellationToken)
    {
        var (owner, clinic) = (new OwnerId(command.Owner), new ClinicId(command.Clinic));
        var evidence = new ConsentEvidence(ConsentSources.InboundMessage, MessageId: command.MessageId);
        return await runner.ChooseAsync(owner, clinic, command.Purpose, command.Channel, now => new ChooseConsent(
            owner, clinic, command.Purpose, command.Channel, command.Granted, null, evidence, null, now),
            cancellationToken);
    }
}
