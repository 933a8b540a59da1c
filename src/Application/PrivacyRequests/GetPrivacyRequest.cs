using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.PrivacyRequests;

/// <summary>One of the clinic's requests with its steps, its export's progress and its erasure reports, for staff.</summary>
public sealed record GetPrivacyRequestQuery(Guid Clinic, Guid Request) : IQuery<PrivacyRequestFile?>, IStaffRequest;

public sealed record PrivacyRequestFile(PrivacyRequestView Request, ExportStatus? Export, IReadOnlyList<StoredErasureReport> ErasureReports);

public sealed class GetPrivacyRequestHandler(IPrivacyRequests requests, IAccessExports exports, IErasureRecords erasures, TimeProvider clock)
    : IQueryHandler<GetPrivacyRequestQuery, PrivacyRequestFile?>
{
    public async ValueTask<PrivacyRequestFile?> Handle(GetPrivacyRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(query.Request, cancellationToken);
        if (request is null || request.Clinic.Value != query.Clinic)
            return null;
        return new(PrivacyRequestView.Of(request, clock.GetUtcNow(), await requests.StepsAsync(request.Id, cancellationToken)),
            await exports.StatusAsync(request.Id, cancellationToken), await erasures.ReportsAsync(request.Id, cancellationToken));
    }
}
