using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

/// <summary>What every conversation use case does around its decision: the owner must be the clinic's client, and the answer is the thread as it now is.</summary>
public sealed class ConversationThreads(IConversations conversations, IPetDirectory clients, ConversationRunner runner)
{
    public async Task<ConversationResult> ChangeAsync(
        OwnerId owner, ClinicId clinic, Actor by, Func<Conversation, DateTimeOffset, ConversationDecision> decide, CancellationToken cancellationToken)
    {
        if (!await clients.IsClientAsync(owner, clinic, cancellationToken))
            return ConversationResult.Refused(ConversationErrors.NotAClient);
        if (await runner.HandleAsync(owner, clinic, by, decide, cancellationToken) is { } error)
            return ConversationResult.Refused(error);
        return new(await conversations.ThreadAsync(owner, clinic, cancellationToken), null);
    }
}
