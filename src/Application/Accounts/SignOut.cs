using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Accounts;

/// <summary>
/// The signed-in account signs out: this session ends on the server, so the cookie stops working wherever a copy of it
/// is; with <paramref name="Everywhere"/>, every session of the account ends.
/// </summary>
public sealed record SignOutCommand(Guid? Session, bool Everywhere = false) : ICommand, IAuthenticatedRequest;

public sealed class SignOutHandler(IAccounts accounts, ICurrentActor current) : ICommandHandler<SignOutCommand>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (command.Everywhere || command.Session is not null)
            await accounts.EndSessionsAsync(current.Actor!.Id, command.Everywhere ? null : command.Session, cancellationToken);
        return Unit.Value;
    }
}
