using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Consents;

/// <summary>
/// The purposes the clinic asks consent for, their channels, and every notice version with its wording. Admins manage
/// them; all staff may read them, since staff recording an owner's word name the version they read out.
/// </summary>
public sealed record ListConsentPurposesQuery(Guid Clinic) : IQuery<IReadOnlyList<PurposeDetails>>, IStaffRequest;

public sealed class ListConsentPurposesHandler(IConsentPurposes purposes) : IQueryHandler<ListConsentPurposesQuery, IReadOnlyList<PurposeDetails>>
{
    public async ValueTask<IReadOnlyList<PurposeDetails>> Handle(ListConsentPurposesQuery query, CancellationToken cancellationToken) =>
        await purposes.DetailsAsync(query.Clinic, cancellationToken);
}
