using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Conversations;

/// <summary>Staff take a conversation out of the inbox without answering, when nothing the owner wrote needs an answer.</summary>
public sealed record SettleConversationCommand(Guid Clinic, Guid Owner) : ICommand<ConversationResult>, IStaffRequest;

public sealed class SettleConversationHandler(ConversationRunner runner) : ICommandHandler<SettleConversationCommand, ConversationResult>
{
    public async ValueTask<ConversationResult> Handle(SettleConversationCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(new OwnerId(command.Owner), new ClinicId(command.Clinic),
            (conversation, by, now) => conversation.ClinicSettles(by, now), cancellationToken);
}
