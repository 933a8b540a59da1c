using Mediator;
using VetOS.Application.Bookings;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain;

namespace VetOS.Application.Conversations;

/// <summary>The signed-in owner's conversation with one of their clinics; null when they are not its client.</summary>
public sealed record GetMyConversationQuery(Guid Clinic) : IQuery<ConversationThread?>, IAuthenticatedRequest;

public sealed class GetMyConversationHandler(IConversations conversations, IPetDirectory clients, ICurrentActor current)
    : IQueryHandler<GetMyConversationQuery, ConversationThread?>
{
    public async ValueTask<ConversationThread?> Handle(GetMyConversationQuery query, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner();
        var clinic = new ClinicId(query.Clinic);
        return await clients.IsClientAsync(owner, clinic, cancellationToken) ? await conversations.ThreadAsync(owner, clinic, cancellationToken) : null;
    }
}
