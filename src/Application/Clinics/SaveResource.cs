using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Clinics;

/// <summary>Adds or renames a vet or room that takes appointments.</summary>
public sealed record SaveResourceCommand(Guid Clinic, Guid Resource, string Name, string Kind) : ICommand<bool>, IClinicAdminRequest;

public sealed class SaveResourceValidator : AbstractValidator<SaveResourceCommand>
{
    public SaveResourceValidator()
    {
        RuleFor(c => c.Resource).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Kind).Must(k => k is "vet" or "room").WithMessage("'Kind' is 'vet' or 'room'.");
    }
}

public sealed class SaveResourceHandler(IClinicSetup setup) : ICommandHandler<SaveResourceCommand, bool>
{
    public async ValueTask<bool> Handle(SaveResourceCommand command, CancellationToken cancellationToken) =>
        await setup.SaveResourceAsync(new ClinicId(command.Clinic), new Resource(new ResourceId(command.Resource), command.Name, command.Kind), cancellationToken);
}
