using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Conversations;

/// <summary>Staff take a conversation out of the inbox without answering, when nothing the owner wrote needs an answer.</summary>
public sealed record SettleConversationCommand(Guid Clinic, Guid Owner) : ICommand<ConversationResult>, IStaffRequest;

public sealed class SettleConversationHandler(ConversationThreads threads, ICurrentActor current) : ICommandHandler<SettleConversationCommand, ConversationResult>
{
    public async ValueTask<ConversationResult> Handle(SettleConversationCommand command, CancellationToken cancellationToken)
    {
        var by = current.Actor!;
        return await threads.ChangeAsync(new OwnerId(command.Owner), new ClinicId(command.Clinic), by,
            (conversation, now) => conversation.ClinicSettles(by, now), cancellationToken);
    }
}
