using FluentValidation;
using Mediator;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;

namespace VetOS.Application.Accounts;

/// <summary>
/// Someone forgot a password. The answer is the same whether or not the address has an account; only a confirmed
/// account's owner gets a reset link, by email.
/// </summary>
public sealed record ForgotPasswordCommand(string Email) : ICommand<ResetRequested>;

public sealed record ResetRequested(string Message);

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
}

public sealed class ForgotPasswordHandler(IAccounts accounts, IEmailSender email, IPortalLinks links)
    : ICommandHandler<ForgotPasswordCommand, ResetRequested>
{
    private static readonly ResetRequested Receipt =
        new("If an account has that address, we have sent it a link to choose a new password. The link works once, within an hour.");

    public async ValueTask<ResetRequested> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        if (await accounts.PasswordResetTokenAsync(command.Email.Trim(), cancellationToken) is { } reset)
            await email.SendAsync(AccountEmails.PasswordReset(reset.Email, links.ResetPassword(reset.Account, reset.Token)) with { Account = reset.Account }, cancellationToken);
        return Receipt;
    }
}
