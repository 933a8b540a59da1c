using VetOS.Application.EventStore;
using VetOS.Domain;

namespace VetOS.Application.Conversations;

/// <summary>Conversations' streams, appended with their read model in one transaction, and that read model.</summary>
public interface IConversations
{
    /// <summary>Appends after <paramref name="expectedRevision"/> (-1: the first message) and writes the messages read model with it.</summary>
    Task<long> AppendAsync(OwnerId owner, ClinicId clinic, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken);

    /// <summary>The conversation as it stands, empty when nobody has written yet.</summary>
    Task<ConversationThread> ThreadAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken);

    /// <summary>The clinic's conversations awaiting it, oldest unanswered first, and how many there are.</summary>
    Task<ConversationInbox> InboxAsync(ClinicId clinic, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConversationSummary>> ForOwnerAsync(OwnerId owner, CancellationToken cancellationToken);
}

/// <summary>Who wrote a message: the owner, or the clinic (a member of its staff).</summary>
public static class Writers
{
    public const string Owner = "owner";
    public const string Clinic = "clinic";
}

/// <summary>One message as both sides see it; <see cref="ReadByClinicAt"/> is when staff first read an owner's message.</summary>
public sealed record ConversationMessage(
    Guid Id, string From, Guid? StaffId, string Body, Guid? AboutPet, Guid? AboutAppointment, DateTimeOffset WrittenAt, DateTimeOffset? ReadByClinicAt);

/// <summary>A conversation in the clinic's inbox: whose, since when it awaits an answer, and how many messages are unread.</summary>
public sealed record InboxEntry(Guid Owner, string OwnerName, DateTimeOffset AwaitingSince, DateTimeOffset LastMessageAt, int Unread);

public sealed record ConversationInbox(Guid Clinic, int Awaiting, IReadOnlyList<InboxEntry> Conversations);

/// <summary>One of an owner's conversations, for their list.</summary>
public sealed record ConversationSummary(Guid Clinic, DateTimeOffset LastMessageAt, string LastFrom, DateTimeOffset? AwaitingClinicSince);

/// <summary>A conversation with its messages, oldest first; <see cref="AwaitingClinicSince"/> is set while the owner awaits an answer.</summary>
public sealed record ConversationThread(Guid Clinic, Guid Owner, DateTimeOffset? AwaitingClinicSince, IReadOnlyList<ConversationMessage> Messages);
