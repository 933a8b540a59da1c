using Mediator;
using VetOS.Domain;

namespace VetOS.Application.Common;

/// <summary>
/// The policies, checked once for every use case from the interfaces its request carries: signed in; staff of
/// that clinic; its admin; its auditor; a platform operator. Rules about one record (whose pet, whose appointment)
/// stay with the use case, which answers "not found" rather than reveal that the record exists.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentActor current) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAuthenticatedRequest)
            return next(message, cancellationToken);
        var actor = current.Actor ?? throw new NotAuthenticatedException();
        var refusal = message switch
        {
            IClinicAdminRequest r when !actor.IsAdminOf(new ClinicId(r.Clinic)) => "Only the clinic's admins may change its settings.",
            IStaffRequest r when !actor.IsStaffOf(new ClinicId(r.Clinic)) => "Only the clinic's own staff may do that.",
            IAuditRequest r when !actor.MayAudit(new ClinicId(r.Clinic)) => "Only the clinic's auditors and admins may read that.",
            IOperatorRequest when actor.Role != ActorRole.Operator => "Only platform operators may do that.",
            _ => null,
        };
        return refusal is null ? next(message, cancellationToken) : throw new ForbiddenException(refusal);
    }
}
