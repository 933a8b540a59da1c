using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// A clinic admin has the export of a verified access request built by a background job (again, if asked twice); its
/// progress shows on the request.
/// </summary>
public sealed record StartAccessExportCommand(Guid Clinic, Guid Request) : ICommand<PrivacyRequestResult>, IClinicAdminRequest;

public sealed class StartAccessExportHandler(PrivacyRequestRunner runner, IAccessExports exports, TimeProvider clock)
    : ICommandHandler<StartAccessExportCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(StartAccessExportCommand command, CancellationToken cancellationToken)
    {
        var result = await runner.ChangeAsync(command.Clinic, command.Request, null, (r, by, at) => r.StartExport(by, at), cancellationToken);
        if (result.Request is not null)
            await exports.QueueAsync(command.Request, clock.GetUtcNow(), cancellationToken);
        return result;
    }
}
