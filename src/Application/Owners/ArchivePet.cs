using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Owners;
using Rules = VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>The owner archives a pet, e.g. when it died: it stays on record but is no longer edited or booked.</summary>
public sealed record ArchivePetCommand(Guid Pet, [property: MultiLine] string Reason, long? ExpectedRevision = null) : ICommand<OwnerResult>, IAuthenticatedRequest;

public sealed class ArchivePetValidator : AbstractValidator<ArchivePetCommand>
{
    public ArchivePetValidator() =>
        RuleFor(c => c.Reason).Must(PetDetails.ArchiveReasons.Contains).WithMessage($"'Reason' is one of: {string.Join(", ", PetDetails.ArchiveReasons)}.");
}

public sealed class ArchivePetHandler(OwnerCommandRunner runner, ICurrentActor current) : ICommandHandler<ArchivePetCommand, OwnerResult>
{
    public async ValueTask<OwnerResult> Handle(ArchivePetCommand command, CancellationToken cancellationToken)
    {
        var pet = new PetId(command.Pet);
        return await runner.ChangeAsync(current.SignedInOwner(), pet.Value, command.ExpectedRevision, state => state.FindPet(pet)?.Revision,
            (by, now, clinics) => new Rules.ArchivePet(by, now, clinics, pet, command.Reason), cancellationToken);
    }
}
