using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Owners;

/// <summary>The signed-in owner's pets, current ones first, archived ones after.</summary>
public sealed record ListMyPetsQuery : IQuery<IReadOnlyList<PetView>>, IAuthenticatedRequest;

public sealed class ListMyPetsHandler(IOwnerRecords records, ICurrentActor current) : IQueryHandler<ListMyPetsQuery, IReadOnlyList<PetView>>
{
    public async ValueTask<IReadOnlyList<PetView>> Handle(ListMyPetsQuery query, CancellationToken cancellationToken)
    {
        var file = await records.LoadAsync(current.SignedInOwner(), cancellationToken);
        return file.State.Pets
            .OrderBy(p => p.IsArchived).ThenBy(p => p.Details.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(PetView.Of).ToList();
    }
}
