using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>A clinic's admin adds a non-essential purpose to ask consent for (say, vaccination offers), its channels, and the wording of its notice version 1.</summary>
public sealed record AddConsentPurposeCommand(Guid Clinic, string Key, string Name, IReadOnlyList<string> Channels, [property: MultiLine] string Wording)
    : ICommand<PurposeResult>, IClinicAdminRequest;

/// <summary>The purpose as added, or why not.</summary>
public sealed record PurposeResult(PurposeDetails? Purpose, ConsentError? Error);

public sealed class AddConsentPurposeValidator : AbstractValidator<AddConsentPurposeCommand>
{
    public AddConsentPurposeValidator()
    {
        RuleFor(c => c.Key).NotEmpty().MaximumLength(NoticeWording.MaxKeyLength).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("'Key' is lower-case words joined by hyphens, e.g. vaccination-offers.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Channels).NotEmpty().Must(c => c is null || c.Distinct().Count() == c.Count).WithMessage("'Channels' names each channel once.");
        RuleForEach(c => c.Channels).Must(MessageChannels.All.Contains).WithMessage(NoticeWording.ChannelMessage);
        RuleFor(c => c.Wording).NotEmpty().MaximumLength(NoticeWording.MaxLength);
    }
}

public sealed class AddConsentPurposeHandler(IConsentPurposes purposes, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<AddConsentPurposeCommand, PurposeResult>
{
    public async ValueTask<PurposeResult> Handle(AddConsentPurposeCommand command, CancellationToken cancellationToken)
    {
        var wording = command.Wording.Trim();
        var first = new NoticeDraft(wording, NoticeWording.Hash(wording), Material: true, clock.GetUtcNow(), current.Actor!.Tag);
        var channels = MessageChannels.All.Where(command.Channels.Contains).ToList();
        if (!await purposes.AddAsync(command.Clinic, command.Key, command.Name.Trim(), channels, first, cancellationToken))
            return new PurposeResult(null, ConsentRefusals.PurposeExists);
        var notice = new NoticeText(command.Key, 1, first.Wording, first.Hash, first.Material, first.PublishedAt, first.PublishedBy);
        return new PurposeResult(new PurposeDetails(command.Key, command.Name.Trim(), channels, [notice]), null);
    }
}
