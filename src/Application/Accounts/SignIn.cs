using FluentValidation;
using Mediator;

namespace VetOS.Application.Accounts;

/// <summary>The session an email and password open, or null: the same for an unknown email, a wrong password, an unconfirmed or a locked account.</summary>
public sealed record SignInCommand(string Email, string Password) : ICommand<Session?>;

public sealed class SignInValidator : AbstractValidator<SignInCommand>
{
    public SignInValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1000);
    }
}

public sealed class SignInHandler(IAccounts accounts) : ICommandHandler<SignInCommand, Session?>
{
    public async ValueTask<Session?> Handle(SignInCommand command, CancellationToken cancellationToken) =>
        await accounts.CheckPasswordAsync(command.Email.Trim(), command.Password, cancellationToken) is { } account
            ? await accounts.StartSessionAsync(account, cancellationToken)
            : null;
}
