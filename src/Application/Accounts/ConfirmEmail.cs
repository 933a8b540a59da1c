using FluentValidation;
using Mediator;

namespace VetOS.Application.Accounts;

public sealed record ConfirmEmailCommand(Guid Account, string Token) : ICommand<bool>;

public sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailValidator()
    {
        RuleFor(c => c.Account).NotEmpty();
        RuleFor(c => c.Token).NotEmpty().MaximumLength(2000);
    }
}

public sealed class ConfirmEmailHandler(IAccounts accounts) : ICommandHandler<ConfirmEmailCommand, bool>
{
    public async ValueTask<bool> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken) =>
        await accounts.ConfirmEmailAsync(command.Account, command.Token, cancellationToken);
}
