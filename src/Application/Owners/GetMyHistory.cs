using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Owners;

/// <summary>Who changed the signed-in owner's contact details and pets, what, and when: newest first.</summary>
public sealed record GetMyHistoryQuery : IQuery<IReadOnlyList<HistoryEntry>>, IAuthenticatedRequest;

public sealed class GetMyHistoryHandler(IOwnerRecords records, ICurrentActor current) : IQueryHandler<GetMyHistoryQuery, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetMyHistoryQuery query, CancellationToken cancellationToken) =>
        OwnerHistory.Of(await records.LoadAsync(current.SignedInOwner(), cancellationToken));
}
