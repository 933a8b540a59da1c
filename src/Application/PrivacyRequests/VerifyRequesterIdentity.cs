using FluentValidation;
using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.PrivacyRequests;

/// <summary>Staff note how they made sure the requester is the owner (signed in with a confirmed address, ID shown at the desk...).</summary>
public sealed record VerifyRequesterIdentityCommand(Guid Clinic, Guid Request, [property: MultiLine] string How, long? ExpectedRevision = null)
    : ICommand<PrivacyRequestResult>, IStaffRequest;

public sealed class VerifyRequesterIdentityValidator : AbstractValidator<VerifyRequesterIdentityCommand>
{
    public VerifyRequesterIdentityValidator() => RuleFor(c => c.How).NotEmpty().MaximumLength(500).WithMessage("Say how the identity was verified.");
}

public sealed class VerifyRequesterIdentityHandler(PrivacyRequestRunner runner) : ICommandHandler<VerifyRequesterIdentityCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(VerifyRequesterIdentityCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(command.Clinic, command.Request, command.ExpectedRevision,
            (request, by, now) => request.VerifyIdentity(command.How.Trim(), by, now), cancellationToken);
}
