using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Conversations;

/// <summary>The clinic's conversations awaiting an answer, oldest unanswered first, with their count.</summary>
public sealed record GetConversationInboxQuery(Guid Clinic, int? Limit) : IQuery<ConversationInboxView>, IStaffRequest;

/// <summary>The inbox names the clients it lists, so reading it is logged.</summary>
public sealed record ConversationInboxView(Guid Clinic, int Awaiting, IReadOnlyList<InboxEntry> Conversations) : IShowsOwnerData
{
    public string Record => "conversation inbox";

    public IEnumerable<Guid> OwnersShown => Conversations.Select(c => c.Owner);
}

public sealed class GetConversationInboxHandler(IConversations conversations) : IQueryHandler<GetConversationInboxQuery, ConversationInboxView>
{
    public const int MostListed = 200;

    public async ValueTask<ConversationInboxView> Handle(GetConversationInboxQuery query, CancellationToken cancellationToken)
    {
        var inbox = await conversations.InboxAsync(new ClinicId(query.Clinic), Math.Clamp(query.Limit ?? 50, 1, MostListed), cancellationToken);
        return new(inbox.Clinic, inbox.Awaiting, inbox.Conversations);
    }
}
