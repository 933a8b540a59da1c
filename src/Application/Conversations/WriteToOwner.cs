using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

/// <summary>A member of the clinic's staff answers a client, or writes to them first.</summary>
public sealed record WriteToOwnerCommand(Guid Clinic, Guid Owner, [property: MultiLine] string Body) : ICommand<ConversationResult>, IStaffRequest;

public sealed class WriteToOwnerValidator : AbstractValidator<WriteToOwnerCommand>
{
    public WriteToOwnerValidator()
    {
        RuleFor(c => c.Owner).NotEmpty();
        RuleFor(c => c.Body).MessageRules();
    }
}

public sealed class WriteToOwnerHandler(ConversationRunner runner) : ICommandHandler<WriteToOwnerCommand, ConversationResult>
{
    public async ValueTask<ConversationResult> Handle(WriteToOwnerCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(new OwnerId(command.Owner), new ClinicId(command.Clinic), (conversation, by, now) =>
            conversation.ClinicWrites(new WriteMessage(by, now, Guid.CreateVersion7(), command.Body)), cancellationToken);
}
