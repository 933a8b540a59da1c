using FluentValidation;
using Mediator;
using VetOS.Application.Bookings;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

/// <summary>A signed-in owner writes to a clinic they are a client of, perhaps about one of their pets or appointments there.</summary>
public sealed record WriteToClinicCommand(Guid Clinic, [property: MultiLine] string Body, Guid? AboutPet, Guid? AboutAppointment)
    : ICommand<ConversationResult>, IAuthenticatedRequest;

public sealed class WriteToClinicValidator : AbstractValidator<WriteToClinicCommand>
{
    public WriteToClinicValidator()
    {
        RuleFor(c => c.Clinic).NotEmpty();
        RuleFor(c => c.Body).MessageRules();
    }
}

public sealed class WriteToClinicHandler(ConversationRunner runner, IPetDirectory pets, IAppointmentReadModel appointments, ICurrentActor current)
    : ICommandHandler<WriteToClinicCommand, ConversationResult>
{
    public async ValueTask<ConversationResult> Handle(WriteToClinicCommand command, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner();
        var clinic = new ClinicId(command.Clinic);
        if (command.AboutPet is { } pet && (await pets.FindPetAsync(new PetId(pet), cancellationToken))?.Owner != owner)
            return ConversationResult.Refused(ConversationErrors.NotYourPet);
        if (command.AboutAppointment is { } appointment
            && !(await appointments.ForOwnerAsync(owner, cancellationToken)).Any(a => a.Id == appointment && a.ClinicId == command.Clinic))
            return ConversationResult.Refused(ConversationErrors.NotYourAppointment);
        return await runner.ChangeAsync(owner, clinic, (conversation, by, now) =>
            conversation.OwnerWrites(new WriteMessage(by, now, Guid.CreateVersion7(), command.Body, command.AboutPet, command.AboutAppointment)), cancellationToken);
    }
}
