using FluentValidation;
using Mediator;

namespace VetOS.Application.Accounts;

/// <summary>The account an email and password open, or null: the same for an unknown email, a wrong password, an unconfirmed or a locked account.</summary>
public sealed record SignInCommand(string Email, string Password) : ICommand<Guid?>;

public sealed class SignInValidator : AbstractValidator<SignInCommand>
{
    public SignInValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1000);
    }
}

public sealed class SignInHandler(IAccounts accounts) : ICommandHandler<SignInCommand, Guid?>
{
    public async ValueTask<Guid?> Handle(SignInCommand command, CancellationToken cancellationToken) =>
        await accounts.CheckPasswordAsync(command.Email.Trim(), command.Password, cancellationToken);
}
