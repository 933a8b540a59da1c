using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>
/// The signed-in owner agrees to, or withdraws from, one purpose on one channel at a clinic they are a client of: one
/// step either way. Agreeing names the notice version they read; the portal's IP address and browser are the evidence.
/// </summary>
public sealed record ChooseMyConsentCommand(Guid Clinic, string Purpose, string Channel, bool? Granted, int? NoticeVersion)
    : ICommand<ConsentChoiceResult>, IAuthenticatedRequest, IConsentChoiceInput;

public sealed class ChooseMyConsentValidator : AbstractValidator<ChooseMyConsentCommand>
{
    public ChooseMyConsentValidator() => Include(new ConsentChoiceRules());
}

public sealed class ChooseMyConsentHandler(ConsentCommandRunner runner, ICurrentActor current, IRequestEvidence request)
    : ICommandHandler<ChooseMyConsentCommand, ConsentChoiceResult>
{
    public async ValueTask<ConsentChoiceResult> Handle(ChooseMyConsentCommand command, CancellationToken cancellationToken)
    {
        var (owner, clinic) = (current.SignedInOwner(), new ClinicId(command.Clinic));
        var evidence = new ConsentEvidence(ConsentSources.Portal, request.IpAddress, request.UserAgent);
        return await runner.ChooseAsync(owner, clinic, command.Purpose, command.Channel, now => new ChooseConsent(
            owner, clinic, command.Purpose, command.Channel, command.Granted!.Value, command.NoticeVersion, evidence, current.Actor, now),
            cancellationToken);
    }
}
