using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace VetOS.Application.Accounts;

/// <summary>A new password from a reset link: true when set, false for a link that is bad, expired or used.</summary>
public sealed record ResetPasswordCommand(Guid Account, string Token, string Password) : ICommand<bool>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Account).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Password).NotEmpty();
    }
}

public sealed class ResetPasswordHandler(IAccounts accounts) : ICommandHandler<ResetPasswordCommand, bool>
{
    public async ValueTask<bool> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var change = await accounts.ResetPasswordAsync(command.Account, command.Token, command.Password, cancellationToken);
        if (change.PasswordProblems.Count > 0)
            throw new ValidationException(change.PasswordProblems.Select(p => new ValidationFailure(nameof(command.Password), p)));
        return change.Changed;
    }
}
