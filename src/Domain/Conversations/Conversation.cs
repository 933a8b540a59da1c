namespace VetOS.Domain.Conversations;

public sealed record ConversationError(string Code, string Message);

public static class ConversationErrors
{
    public static readonly ConversationError EmptyMessage = new("empty-message", "Write a message first.");
    public static readonly ConversationError TooLong = new("message-too-long", $"A message may be at most {Conversation.MostCharacters:N0} characters.");
    public static readonly ConversationError NotAClient = new("not-found", "There is no such client at this clinic.");
    public static readonly ConversationError NotYourPet = new("pet-not-found", "There is no such pet.");
    public static readonly ConversationError NotYourAppointment = new("appointment-not-found", "There is no such appointment.");
}

/// <summary>A message about to be written: who writes, when, and what.</summary>
public sealed record WriteMessage(Actor By, DateTimeOffset Now, Guid MessageId, string Body, Guid? AboutPet = null, Guid? AboutAppointment = null);

public sealed record ConversationDecision(IReadOnlyList<object> Events, ConversationError? Error) : Decision<ConversationError>(Events, Error)
{
    public static ConversationDecision Accept(params object[] events) => new(events, null);

    public static implicit operator ConversationDecision(ConversationError error) => new([], error);
}

/// <summary>
/// One owner's conversation with one clinic. It awaits the clinic from the owner's first unanswered message until staff
/// answer or settle it; staff reading it marks the owner's messages read, which the owner sees.
/// </summary>
public sealed record Conversation(OwnerId Owner, ClinicId Clinic, DateTimeOffset? AwaitingClinicSince, Guid? UnreadUpTo, long Revision)
{
    public const int MostCharacters = 4000;

    public static Conversation Empty(OwnerId owner, ClinicId clinic) => new(owner, clinic, null, null, -1);

    public bool AwaitsClinic => AwaitingClinicSince is not null;

    public Conversation Apply(IConversationEvent @event) => (@event switch
    {
        OwnerWrote e => this with { AwaitingClinicSince = AwaitingClinicSince ?? e.At, UnreadUpTo = e.MessageId },
        ClinicWrote => this with { AwaitingClinicSince = null },
        ReadByClinic e => this with { UnreadUpTo = UnreadUpTo == e.UpTo ? null : UnreadUpTo },
        ConversationSettled => this with { AwaitingClinicSince = null },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Not a conversation event."),
    }) with { Revision = Revision + 1 };

    public static Conversation From(OwnerId owner, ClinicId clinic, IEnumerable<IConversationEvent> events) =>
        events.Aggregate(Empty(owner, clinic), (state, e) => state.Apply(e));

    /// <summary>The owner writes; the pet and appointment it is about were checked to be theirs before.</summary>
    public ConversationDecision OwnerWrites(WriteMessage m) =>
        Refusal(m.Body) ?? ConversationDecision.Accept(
            new OwnerWrote(Owner.Value, Clinic.Value, m.MessageId, m.Body.Trim(), m.AboutPet, m.AboutAppointment, m.By.Tag, m.Now));

    /// <summary>Staff write: answering reads what the owner wrote first.</summary>
    public ConversationDecision ClinicWrites(WriteMessage m) =>
        Refusal(m.Body) ?? ConversationDecision.Accept(
            [.. Read(m.By, m.Now), new ClinicWrote(Owner.Value, Clinic.Value, m.MessageId, m.Body.Trim(), m.By.Id, m.By.Tag, m.Now)]);

    /// <summary>Staff opened the conversation: the owner's messages are read (nothing new when they were).</summary>
    public ConversationDecision ClinicReads(Actor by, DateTimeOffset now) => ConversationDecision.Accept([.. Read(by, now)]);

    /// <summary>Staff settle a conversation awaiting them without answering; settling one that awaits nobody changes nothing.</summary>
    public ConversationDecision ClinicSettles(Actor by, DateTimeOffset now) =>
        AwaitsClinic
            ? ConversationDecision.Accept([.. Read(by, now), new ConversationSettled(Owner.Value, Clinic.Value, by.Id, by.Tag, now)])
            : ConversationDecision.Accept();

    private IEnumerable<object> Read(Actor by, DateTimeOffset now) =>
        UnreadUpTo is { } last ? [new ReadByClinic(Owner.Value, Clinic.Value, last, by.Id, by.Tag, now)] : [];

    private static ConversationError? Refusal(string body) =>
        string.IsNullOrWhiteSpace(body) ? ConversationErrors.EmptyMessage
        : body.Trim().Length > MostCharacters ? ConversationErrors.TooLong
        : null;
}
