using Mediator;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;

namespace VetOS.Application.Accounts;

/// <summary>
/// After forgot-password has answered: a confirmed account with that address gets a reset link by email; any other
/// address gets nothing. Run in the background, so the answer costs the same whether or not the address is known.
/// </summary>
public sealed record SendPasswordResetCommand(string Email) : ICommand;

public sealed class SendPasswordResetHandler(IAccounts accounts, IEmailSender email, IPortalLinks links) : ICommandHandler<SendPasswordResetCommand>
{
    public async ValueTask<Unit> Handle(SendPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (await accounts.PasswordResetTokenAsync(command.Email, cancellationToken) is { } reset)
            await email.SendAsync(AccountEmails.PasswordReset(reset.Email, links.ResetPassword(reset.Account, reset.Token)) with { Account = reset.Account }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Hands an address to the background sender, in memory only: an address is personal data, never a job argument.</summary>
public interface IPasswordResetRequests
{
    void Request(string email);
}
