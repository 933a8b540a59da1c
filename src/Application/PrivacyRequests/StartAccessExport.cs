using Mediator;
using VetOS.Application.Common;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// A clinic admin has the export of a verified access request built by a background job (again, if asked twice); its
/// progress shows on the request.
/// </summary>
public sealed record StartAccessExportCommand(Guid Clinic, Guid Request) : ICommand<PrivacyRequestResult>, IClinicAdminRequest;

public sealed class StartAccessExportHandler(IPrivacyRequests requests, PrivacyRequestRunner runner, IAccessExports exports, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<StartAccessExportCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(StartAccessExportCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(command.Request, cancellationToken);
        if (request is null || request.Clinic.Value != command.Clinic)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
        if (request.Kind != PrivacyRequestKind.Access)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.WrongKind);
        var now = clock.GetUtcNow();
        PrivacyRequestResult result;
        if (request.Status == PrivacyRequestStatus.InProgress)
        {
            await requests.AddStepAsync(request.Id, new PrivacyRequestStep(now, current.Actor!.Tag, "export queued", "built again"), cancellationToken);
            result = new(PrivacyRequestView.Of(request, now), null);
        }
        else
            result = await runner.ChangeAsync(request, null, (r, by, at) => r.Start(by, at), cancellationToken);
        if (result.Request is not null)
            await exports.QueueAsync(request.Id, now, cancellationToken);
        return result;
    }
}
