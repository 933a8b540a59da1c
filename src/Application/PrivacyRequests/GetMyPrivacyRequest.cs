using Mediator;
using VetOS.Application.Common;
using VetOS.Application.Owners;

namespace VetOS.Application.PrivacyRequests;

/// <summary>One of the signed-in owner's requests, with its steps and its export's progress; another owner's is not found.</summary>
public sealed record GetMyPrivacyRequestQuery(Guid Request) : IQuery<PrivacyRequestFile?>, IAuthenticatedRequest;

public sealed class GetMyPrivacyRequestHandler(IPrivacyRequests requests, IAccessExports exports, ICurrentActor current, TimeProvider clock)
    : IQueryHandler<GetMyPrivacyRequestQuery, PrivacyRequestFile?>
{
    public async ValueTask<PrivacyRequestFile?> Handle(GetMyPrivacyRequestQuery query, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner();
        var request = await requests.FindAsync(query.Request, cancellationToken);
        if (request is null || request.Owner != owner)
            return null;
        return new(PrivacyRequestView.Of(request, clock.GetUtcNow(), await requests.StepsAsync(request.Id, cancellationToken)),
            await exports.StatusAsync(request.Id, cancellationToken), []);
    }
}
