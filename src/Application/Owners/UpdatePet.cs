using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>The owner replaces a pet's details; an archived pet no longer changes.</summary>
public sealed record UpdatePetCommand(
    Guid Pet, string Name, string Species, string? Breed = null, DateOnly? BirthDate = null, string? Sex = null, bool? Neutered = null,
    decimal? WeightKg = null, [property: MultiLine] string? Notes = null, long? ExpectedRevision = null)
    : ICommand<OwnerResult>, IAuthenticatedRequest, IPetDetailsInput;

public sealed class UpdatePetValidator : AbstractValidator<UpdatePetCommand>
{
    public UpdatePetValidator(TimeProvider clock) => Include(new PetDetailsRules(clock));
}

public sealed class UpdatePetHandler(OwnerCommandRunner runner, ICurrentActor current) : ICommandHandler<UpdatePetCommand, OwnerResult>
{
    public async ValueTask<OwnerResult> Handle(UpdatePetCommand command, CancellationToken cancellationToken)
    {
        var pet = new PetId(command.Pet);
        return await runner.ChangeAsync(current.SignedInOwner(), pet.Value, command.ExpectedRevision, state => state.FindPet(pet)?.Revision,
            (by, now, clinics) => new ChangePetDetails(by, now, clinics, pet, command.ToDetails()), cancellationToken);
    }
}
