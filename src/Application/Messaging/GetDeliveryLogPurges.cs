using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Messaging;

/// <summary>The record of the clinic's delivery-log retention purges (counts and times only), for its auditors and admins.</summary>
public sealed record GetDeliveryLogPurgesQuery(Guid Clinic) : IQuery<IReadOnlyList<DeliveryLogPurge>>, IAuditRequest;

public sealed class GetDeliveryLogPurgesHandler(IDeliveryLog log) : IQueryHandler<GetDeliveryLogPurgesQuery, IReadOnlyList<DeliveryLogPurge>>
{
    public async ValueTask<IReadOnlyList<DeliveryLogPurge>> Handle(GetDeliveryLogPurgesQuery query, CancellationToken cancellationToken) =>
        await log.PurgesAsync(query.Clinic, 1000, cancellationToken);
}
