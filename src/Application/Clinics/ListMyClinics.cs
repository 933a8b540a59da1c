using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Clinics;

/// <summary>The clinics the signed-in owner is a client of.</summary>
public sealed record ListMyClinicsQuery : IQuery<IReadOnlyList<ClientOf>>, IAuthenticatedRequest;

public sealed class ListMyClinicsHandler(IClinicClients clients, ICurrentActor current) : IQueryHandler<ListMyClinicsQuery, IReadOnlyList<ClientOf>>
{
    public async ValueTask<IReadOnlyList<ClientOf>> Handle(ListMyClinicsQuery query, CancellationToken cancellationToken) =>
        current.Actor is { Role: ActorRole.Owner } owner
            ? await clients.ClinicsOfAsync(owner.Id, cancellationToken)
            : throw new ForbiddenException("Only owners are a clinic's clients.");
}
