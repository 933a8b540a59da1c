using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Owners;

/// <summary>One of the signed-in owner's pets, or null when they have no such pet.</summary>
public sealed record GetMyPetQuery(Guid Pet) : IQuery<PetView?>, IAuthenticatedRequest;

public sealed class GetMyPetHandler(IOwnerRecords records, ICurrentActor current) : IQueryHandler<GetMyPetQuery, PetView?>
{
    public async ValueTask<PetView?> Handle(GetMyPetQuery query, CancellationToken cancellationToken)
    {
        var file = await records.LoadAsync(current.SignedInOwner(), cancellationToken);
        return file.State.FindPet(new PetId(query.Pet)) is { } pet ? PetView.Of(pet) : null;
    }
}
