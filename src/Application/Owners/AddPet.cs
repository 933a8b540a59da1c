using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using Rules = VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>The owner adds a pet; it can be booked at once. <see cref="PetId"/> lets a client choose the id.</summary>
public sealed record AddPetCommand(
    string Name, string Species, string? Breed = null, DateOnly? BirthDate = null, string? Sex = null, bool? Neutered = null,
    decimal? WeightKg = null, [property: MultiLine] string? Notes = null, Guid? PetId = null)
    : ICommand<OwnerResult>, IAuthenticatedRequest, IPetDetailsInput;

public sealed class AddPetValidator : AbstractValidator<AddPetCommand>
{
    public AddPetValidator(TimeProvider clock)
    {
        Include(new PetDetailsRules(clock));
        RuleFor(c => c.PetId).NotEqual(Guid.Empty);
    }
}

public sealed class AddPetHandler(OwnerCommandRunner runner, ICurrentActor current) : ICommandHandler<AddPetCommand, OwnerResult>
{
    public async ValueTask<OwnerResult> Handle(AddPetCommand command, CancellationToken cancellationToken)
    {
        var pet = new PetId(command.PetId ?? Guid.CreateVersion7());
        return await runner.ChangeAsync(current.SignedInOwner(), pet.Value, null, state => state.FindPet(pet)?.Revision,
            (by, now, clinics) => new Rules.AddPet(by, now, clinics, pet, command.ToDetails()), cancellationToken);
    }
}
