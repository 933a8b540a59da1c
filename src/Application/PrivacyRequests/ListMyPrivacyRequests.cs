using Mediator;
using VetOS.Application.Common;
using VetOS.Application.Owners;

namespace VetOS.Application.PrivacyRequests;

/// <summary>The signed-in owner's requests at every clinic, newest first, each with its steps, to follow them.</summary>
public sealed record ListMyPrivacyRequestsQuery : IQuery<IReadOnlyList<PrivacyRequestView>>, IAuthenticatedRequest;

public sealed class ListMyPrivacyRequestsHandler(IPrivacyRequests requests, ICurrentActor current, TimeProvider clock)
    : IQueryHandler<ListMyPrivacyRequestsQuery, IReadOnlyList<PrivacyRequestView>>
{
    public async ValueTask<IReadOnlyList<PrivacyRequestView>> Handle(ListMyPrivacyRequestsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var views = new List<PrivacyRequestView>();
        foreach (var request in await requests.ForOwnerAsync(current.SignedInOwner(), cancellationToken))
            views.Add(PrivacyRequestView.Of(request, now, await requests.StepsAsync(request.Id, cancellationToken)));
        return views;
    }
}
