using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Clinics;

/// <summary>A signed-in owner becomes a client of another clinic too: one account, several clinics.</summary>
public sealed record JoinClinicCommand(Guid Clinic) : ICommand<bool>, IAuthenticatedRequest;

public sealed class JoinClinicHandler(IClinicClients clients, ICurrentActor current) : ICommandHandler<JoinClinicCommand, bool>
{
    public async ValueTask<bool> Handle(JoinClinicCommand command, CancellationToken cancellationToken)
    {
        if (current.Actor is not { Role: ActorRole.Owner } owner)
            throw new ForbiddenException("Only owners become a clinic's clients.");
        if (await clients.ClinicNameAsync(command.Clinic, cancellationToken) is null)
            return false;
        await clients.AddAsync(owner.Id, command.Clinic, cancellationToken);
        return true;
    }
}
