using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.PrivacyRequests;

/// <summary>The clinic's record of processing, for its admins and auditors.</summary>
public sealed record GetRecordOfProcessingQuery(Guid Clinic) : IQuery<RecordOfProcessing?>, IAuditRequest;

public sealed class GetRecordOfProcessingHandler(RecordOfProcessingSource source) : IQueryHandler<GetRecordOfProcessingQuery, RecordOfProcessing?>
{
    public async ValueTask<RecordOfProcessing?> Handle(GetRecordOfProcessingQuery query, CancellationToken cancellationToken) =>
        await source.ForAsync(query.Clinic, cancellationToken);
}
