using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// A clinic admin closes a request: completed with its outcome, or partly refused with the reasons. An erasure is
/// completed by running it (<see cref="EraseOwnerCommand"/>), so that what it did is on record; it may only be refused here.
/// </summary>
public sealed record ClosePrivacyRequestCommand(Guid Clinic, Guid Request, PrivacyRequestStatus Status, string Outcome, long? ExpectedRevision = null)
    : ICommand<PrivacyRequestResult>, IClinicAdminRequest;

public sealed class ClosePrivacyRequestValidator : AbstractValidator<ClosePrivacyRequestCommand>
{
    public ClosePrivacyRequestValidator()
    {
        RuleFor(c => c.Status).Must(s => s is PrivacyRequestStatus.Completed or PrivacyRequestStatus.PartlyRefused)
            .WithMessage("Close a request as completed or partly refused.");
        RuleFor(c => c.Outcome).NotEmpty().MaximumLength(2000).WithMessage("Say what was done, or why part was refused.");
    }
}

public sealed class ClosePrivacyRequestHandler(PrivacyRequestRunner runner) : ICommandHandler<ClosePrivacyRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(ClosePrivacyRequestCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(command.Clinic, command.Request, command.ExpectedRevision, (request, by, now) =>
            command.Status == PrivacyRequestStatus.PartlyRefused ? request.PartlyRefuse(command.Outcome.Trim(), by, now)
            : request.Kind == PrivacyRequestKind.Erasure ? PrivacyRequestErrors.WrongKind
            : request.Complete(command.Outcome.Trim(), by, now), cancellationToken);
}
