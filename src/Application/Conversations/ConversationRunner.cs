using VetOS.Application.Commands;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

/// <summary>A conversation's decide on the command service.</summary>
public sealed class ConversationRunner(IEventStreams streams, IConversations conversations, TimeProvider clock)
{
    // Messages from the two sides (and from two members of staff) don't depend on each other: one that lost a race is
    // decided again on the conversation as it is now, so none is refused for being second.
    private static readonly Retries Policy = Retries.UpTo(10);

    public async Task<ConversationError?> HandleAsync(
        OwnerId owner, ClinicId clinic, Actor by, Func<Conversation, DateTimeOffset, ConversationDecision> decide, CancellationToken cancellationToken)
    {
        try
        {
            var handled = await CommandService.HandleAsync(new ConversationStream(streams, conversations), (owner, clinic), Policy, (state, _, _) =>
            {
                var now = clock.GetUtcNow();
                return Task.FromResult(new Decided<ConversationError>(decide(state, now), by.Tag, now));
            }, cancellationToken);
            return handled.Error;
        }
        catch (SubjectErasedException)
        {
            return ConversationErrors.NotAClient; // an erased owner is no longer the clinic's client
        }
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
