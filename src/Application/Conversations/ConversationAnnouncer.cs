using VetOS.Application.Accounts;
using VetOS.Application.Commands;
using VetOS.Application.EventStore;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;
using VetOS.Domain;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

/// <summary>
/// Who hears of a new message: the owner of each the clinic writes, on their preferred channel, with no consent needed
/// since it answers them; the clinic, by email, when an owner's message starts a wait for an answer (not for each
/// message after it). Each message is announced at most once (its dedup key).
/// </summary>
public sealed class ConversationAnnouncer(IEventStreams streams, IMessageFacts facts, IPortalLinks links)
{
    public async Task<QueuedMessage?> AnnounceAsync(IConversationEvent @event, long revision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await facts.ClinicAsync(@event.ClinicId, cancellationToken) is not { Card: var clinic })
            return null;
        return @event switch
        {
            ClinicWrote e => ToOwner(e, clinic, await facts.OwnerAsync(e.OwnerId, cancellationToken), now),
            OwnerWrote e when !await AwaitedBeforeAsync(e, revision, cancellationToken) => ToClinic(e, clinic, now),
            _ => null,
        };
    }

    private QueuedMessage? ToOwner(ClinicWrote e, ClinicCard clinic, OwnerContact? owner, DateTimeOffset now)
    {
        if (owner?.Reach() is not (var channel, { } to))
            return null;
        var page = links.Conversation(e.ClinicId);
        var (subject, body) = channel == MessageChannels.Email ? ConversationMessages.OwnerEmail(clinic, page) : (null, ConversationMessages.OwnerText(clinic, page));
        return new(Guid.CreateVersion7(), e.ClinicId, e.OwnerId, channel, ConversationMessages.ToOwnerTemplate, null, null, Key(e.MessageId), to, subject, body, now);
    }

    private QueuedMessage? ToClinic(OwnerWrote e, ClinicCard clinic, DateTimeOffset now)
    {
        if (clinic.Email.Length == 0)
            return null;
        var (subject, body) = ConversationMessages.ClinicEmail(clinic, links.ConversationInbox(e.ClinicId));
        return new(Guid.CreateVersion7(), e.ClinicId, null, MessageChannels.Email, ConversationMessages.ToClinicTemplate, null, null, Key(e.MessageId),
            clinic.Email, subject, body, now);
    }

    /// <summary>Whether the conversation already awaited the clinic before this message: then the clinic was told already.</summary>
    private async Task<bool> AwaitedBeforeAsync(OwnerWrote e, long revision, CancellationToken cancellationToken)
    {
        var owner = new OwnerId(e.OwnerId);
        var clinic = new ClinicId(e.ClinicId);
        var loaded = await streams.LoadAsync(Streams.Conversation(owner, clinic), cancellationToken);
        return Conversation.From(owner, clinic, loaded.Events.Take((int)revision).Select(s => (IConversationEvent)s.Event)).AwaitsClinic;
    }

    private static string Key(Guid message) => $"conversation:{message:N}";
}
