using FluentValidation;
using FluentValidation.Results;
using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Accounts;

/// <summary>
/// The signed-in account changes its password. Its other sessions end (the security stamp moves); the answer is a
/// fresh session for this one.
/// </summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<Session>, IAuthenticatedRequest;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.NewPassword).NotEmpty();
    }
}

public sealed class ChangePasswordHandler(IAccounts accounts, ICurrentActor current) : ICommandHandler<ChangePasswordCommand, Session>
{
    public async ValueTask<Session> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var account = current.Actor!.Id;
        var change = await accounts.ChangePasswordAsync(account, command.CurrentPassword, command.NewPassword, cancellationToken);
        if (change.PasswordProblems.Count > 0)
            throw new ValidationException(change.PasswordProblems.Select(p => new ValidationFailure(nameof(command.NewPassword), p)));
        if (!change.Changed)
            throw new ValidationException([new ValidationFailure(nameof(command.CurrentPassword), "That is not your current password.")]);
        return await accounts.StartSessionAsync(account, cancellationToken) ?? throw new NotAuthenticatedException();
    }
}
