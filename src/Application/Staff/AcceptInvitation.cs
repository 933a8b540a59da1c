using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace VetOS.Application.Staff;

/// <summary>An invited member sets a password through the invitation link. False when the link is bad, used or expired.</summary>
public sealed record AcceptInvitationCommand(Guid Account, string Token, string Password) : ICommand<bool>;

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.Account).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Password).NotEmpty();
    }
}

public sealed class AcceptInvitationHandler(IStaffAccounts staff) : ICommandHandler<AcceptInvitationCommand, bool>
{
    public async ValueTask<bool> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        if (await staff.AcceptInvitationAsync(command.Account, command.Token, command.Password, cancellationToken) is not { } problems)
            return false;
        return problems.Count == 0
            ? true
            : throw new ValidationException(problems.Select(p => new ValidationFailure(nameof(command.Password), p)));
    }
}
