using VetOS.Domain.Events;

namespace VetOS.Domain.Conversations;

/// <summary>What happens in the conversation between one owner and one clinic.</summary>
public interface IConversationEvent
{
    Guid OwnerId { get; }
    Guid ClinicId { get; }
    DateTimeOffset At { get; }
}

/// <summary>The owner wrote to the clinic, perhaps about one of their pets or appointments.</summary>
[EventType("conversation.v1.owner-wrote")]
public sealed record OwnerWrote(
    [property: DataSubject] Guid OwnerId, [property: DataController] Guid ClinicId, Guid MessageId, [property: PersonalData] string Body,
    Guid? AboutPet, Guid? AboutAppointment, string By, DateTimeOffset At) : IConversationEvent;

/// <summary>A member of the clinic's staff answered (or wrote first).</summary>
[EventType("conversation.v1.clinic-wrote")]
public sealed record ClinicWrote(
    [property: DataSubject] Guid OwnerId, [property: DataController] Guid ClinicId, Guid MessageId, [property: PersonalData] string Body,
    Guid StaffId, string By, DateTimeOffset At) : IConversationEvent;

/// <summary>Staff read the owner's messages up to and including <see cref="UpTo"/>.</summary>
[EventType("conversation.v1.read-by-clinic")]
public sealed record ReadByClinic([property: DataSubject] Guid OwnerId, Guid ClinicId, Guid UpTo, Guid StaffId, string By, DateTimeOffset At)
    : IConversationEvent;

/// <summary>Staff settled the conversation without a reply (nothing needed one); the owner's next message opens it again.</summary>
[EventType("conversation.v1.settled")]
public sealed record ConversationSettled([property: DataSubject] Guid OwnerId, Guid ClinicId, Guid StaffId, string By, DateTimeOffset At)
    : IConversationEvent;
