using VetOS.Application.Common;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

/// <summary>The conversation after a change, or the rule the change broke. Staff seeing it is a read of the owner's data.</summary>
public sealed record ConversationResult(ConversationThread? Thread, ConversationError? Error) : IShowsOwnerData
{
    public static ConversationResult Refused(ConversationError error) => new(null, error);

    public Guid Clinic => Thread?.Clinic ?? Guid.Empty;

    public string Record => "conversation";

    public IEnumerable<Guid> OwnersShown => Thread is null ? [] : [Thread.Owner];
}
