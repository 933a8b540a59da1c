using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>
/// A clinic's staff record a client's choice given in person or by phone; the note says how it reached them, and
/// the consent history shows who recorded it.
/// </summary>
public sealed record RecordConsentOnOwnersWordCommand(Guid Clinic, Guid Owner, string Purpose, string Channel, bool? Granted, int? NoticeVersion, [property: MultiLine] string? Note)
    : ICommand<ConsentChoiceResult>, IStaffRequest, IConsentChoiceInput;

public sealed class RecordConsentOnOwnersWordValidator : AbstractValidator<RecordConsentOnOwnersWordCommand>
{
    public const int MaxNoteLength = 500;

    public RecordConsentOnOwnersWordValidator()
    {
        Include(new ConsentChoiceRules());
        RuleFor(c => c.Note).MaximumLength(MaxNoteLength);
    }
}

public sealed class RecordConsentOnOwnersWordHandler(ConsentCommandRunner runner, ICurrentActor current)
    : ICommandHandler<RecordConsentOnOwnersWordCommand, ConsentChoiceResult>
{
    public async ValueTask<ConsentChoiceResult> Handle(RecordConsentOnOwnersWordCommand command, CancellationToken cancellationToken)
    {
        var (owner, clinic) = (new OwnerId(command.Owner), new ClinicId(command.Clinic));
        var evidence = new ConsentEvidence(ConsentSources.Staff, Note: command.Note?.Trim());
        return await runner.ChooseAsync(owner, clinic, command.Purpose, command.Channel, now => new ChooseConsent(
            owner, clinic, command.Purpose, command.Channel, command.Granted!.Value, command.NoticeVersion, evidence, current.Actor, now),
            cancellationToken);
    }
}
