using VetOS.Application.Bookings;
using VetOS.Application.Commands;
using VetOS.Application.Common;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

/// <summary>
/// A conversation's decide on the command service, with what every conversation use case does around it: the owner must
/// be the clinic's client, the one acting is the signed-in actor, and the answer is the thread as it now is.
/// </summary>
public sealed class ConversationRunner(IEventStreams streams, IConversations conversations, IPetDirectory clients, ICurrentActor current, TimeProvider clock)
{
    // Messages from the two sides (and from two members of staff) don't depend on each other: one that lost a race is
    // decided again on the conversation as it is now, so none is refused for being second.
    private static readonly Retries Policy = Retries.UpTo(10);

    private readonly ConversationStream stream = new(streams, conversations);

    public async Task<ConversationResult> ChangeAsync(
        OwnerId owner, ClinicId clinic, Func<Conversation, Actor, DateTimeOffset, ConversationDecision> decide, CancellationToken cancellationToken)
    {
        if (!await clients.IsClientAsync(owner, clinic, cancellationToken))
            return ConversationResult.Refused(ConversationErrors.NotAClient);
        var by = current.Actor ?? throw new NotAuthenticatedException();
        try
        {
            var handled = await CommandService.HandleAsync(stream, (owner, clinic), Policy, (state, _, _) =>
            {
                var now = clock.GetUtcNow();
                return Task.FromResult(new Decided<ConversationError>(decide(state, by, now), by.Tag, now));
            }, cancellationToken);
            if (handled.Error is { } error)
                return ConversationResult.Refused(error);
        }
        catch (SubjectErasedException)
        {
            return ConversationResult.Refused(ConversationErrors.NotAClient); // an erased owner is no longer the clinic's client
        }
        return new(await conversations.ThreadAsync(owner, clinic, cancellationToken), null);
    }

    private sealed class ConversationStream(IEventStreams streams, IConversations conversations) : IAggregateStream<(OwnerId Owner, ClinicId Clinic), Conversation>
    {
        public async Task<(Conversation State, long Revision)> LoadAsync((OwnerId Owner, ClinicId Clinic) id, CancellationToken cancellationToken)
        {
            var loaded = await streams.LoadAsync(Streams.Conversation(id.Owner, id.Clinic), cancellationToken);
            return (Conversation.From(id.Owner, id.Clinic, loaded.Events.Select(e => (IConversationEvent)e.Event)), loaded.Revision);
        }

        public Conversation Evolve(Conversation state, object @event) => state.Apply((IConversationEvent)@event);

        public Task<long> AppendAsync(
            (OwnerId Owner, ClinicId Clinic) id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
            conversations.AppendAsync(id.Owner, id.Clinic, expectedRevision, events, metadata, cancellationToken);
    }
}
