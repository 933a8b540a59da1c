using Mediator;
using VetOS.Domain;

namespace VetOS.Application.Common;

/// <summary>Checks, once for every use case, that the actor is signed in and, for staff requests, works at that clinic (as an admin, where asked).</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentActor current) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IAuthenticatedRequest && current.Actor is null)
            throw new NotAuthenticatedException();
        if (message is IStaffRequest staffRequest && !current.Actor!.IsStaffOf(new ClinicId(staffRequest.Clinic)))
            throw new ForbiddenException("Only the clinic's own staff may do that.");
        if (message is IClinicAdminRequest && current.Actor!.Role != ActorRole.ClinicAdmin)
            throw new ForbiddenException("Only the clinic's admins may change its settings.");
        return next(message, cancellationToken);
    }
}
