using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Owners;

/// <summary>The signed-in owner's contact details, with the revision that last changed them (their ETag).</summary>
public sealed record GetMyProfileQuery : IQuery<MyProfile>, IAuthenticatedRequest;

public sealed record MyProfile(Guid OwnerId, string Name, string? Email, string Phone, string PreferredChannel, long Revision);

public sealed class GetMyProfileHandler(IOwnerRecords records, ICurrentActor current) : IQueryHandler<GetMyProfileQuery, MyProfile>
{
    public async ValueTask<MyProfile> Handle(GetMyProfileQuery query, CancellationToken cancellationToken)
    {
        var file = await records.LoadAsync(current.SignedInOwner(), cancellationToken);
        var contact = file.State.Contact;
        return new MyProfile(file.Owner.Value, contact?.Name ?? "", file.Account?.Email, contact?.Phone ?? "",
            contact?.PreferredChannel ?? "email", file.State.ContactRevision);
    }
}
