using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Consents;

/// <summary>
/// Every consent in force at the clinic at <see cref="At"/> (now if not given), for auditors: owner ids, purposes,
/// channels and times, no personal data. The rows stream as they are read, for clinics of any size.
/// </summary>
public sealed record GetClinicConsentsQuery(Guid Clinic, DateTimeOffset? At) : IQuery<ClinicConsentReport>, IAuditRequest;

public sealed record ClinicConsentReport(Guid ClinicId, DateTimeOffset At, IAsyncEnumerable<ClinicConsent> Consents);

public sealed class GetClinicConsentsHandler(IConsentReports reports, TimeProvider clock) : IQueryHandler<GetClinicConsentsQuery, ClinicConsentReport>
{
    public ValueTask<ClinicConsentReport> Handle(GetClinicConsentsQuery query, CancellationToken cancellationToken)
    {
        var at = query.At ?? clock.GetUtcNow();
        return ValueTask.FromResult(new ClinicConsentReport(query.Clinic, at, reports.InForceAsync(query.Clinic, at, cancellationToken)));
    }
}
