using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Conversations;

/// <summary>Staff open a client's conversation: they see it (the read is logged) and the owner sees that the clinic read it.</summary>
public sealed record OpenConversationCommand(Guid Clinic, Guid Owner) : ICommand<ConversationResult>, IStaffRequest;

public sealed class OpenConversationHandler(ConversationRunner runner) : ICommandHandler<OpenConversationCommand, ConversationResult>
{
    public async ValueTask<ConversationResult> Handle(OpenConversationCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(new OwnerId(command.Owner), new ClinicId(command.Clinic),
            (conversation, by, now) => conversation.ClinicReads(by, now), cancellationToken);
}
