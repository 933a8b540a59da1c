using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>
/// A clinic's admin publishes a new wording of a purpose's notice as its next version, in force at once. A material
/// change (the default) lapses consent given to earlier versions until owners agree again; only a change the admin
/// marks non-material carries it over.
/// </summary>
public sealed record PublishNoticeCommand(Guid Clinic, string Purpose, [property: MultiLine] string Wording, bool? Material) : ICommand<NoticeResult>, IClinicAdminRequest;

/// <summary>The notice version as published, or why not.</summary>
public sealed record NoticeResult(NoticeText? Notice, ConsentError? Error);

public sealed class PublishNoticeValidator : AbstractValidator<PublishNoticeCommand>
{
    public PublishNoticeValidator()
    {
        RuleFor(c => c.Purpose).NotEmpty().MaximumLength(NoticeWording.MaxKeyLength);
        RuleFor(c => c.Wording).NotEmpty().MaximumLength(NoticeWording.MaxLength);
    }
}

public sealed class PublishNoticeHandler(IConsentPurposes purposes, ICurrentActor current, TimeProvider clock) : ICommandHandler<PublishNoticeCommand, NoticeResult>
{
    public async ValueTask<NoticeResult> Handle(PublishNoticeCommand command, CancellationToken cancellationToken)
    {
        var wording = command.Wording.Trim();
        var draft = new NoticeDraft(wording, NoticeWording.Hash(wording), command.Material ?? true, clock.GetUtcNow(), current.Actor!.Tag);
        return await purposes.PublishAsync(command.Clinic, command.Purpose, draft, cancellationToken) is { } notice
            ? new NoticeResult(notice, null)
            : new NoticeResult(null, ConsentRefusals.NoSuchPurpose);
    }
}
