using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Clinics;

/// <summary>Adds or changes an appointment type: how long it takes, for which species, with which vets or rooms.</summary>
public sealed record SaveAppointmentTypeCommand(
    Guid Clinic, Guid AppointmentType, string Name, int DurationMinutes, IReadOnlyList<string> Species, IReadOnlyList<Guid> Resources, bool OwnersMayBookDirectly)
    : ICommand<bool>, IClinicAdminRequest;

public sealed class SaveAppointmentTypeValidator : AbstractValidator<SaveAppointmentTypeCommand>
{
    public SaveAppointmentTypeValidator()
    {
        RuleFor(c => c.AppointmentType).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.DurationMinutes).InclusiveBetween(5, 480);
        RuleFor(c => c.Species).NotEmpty();
        RuleForEach(c => c.Species).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Resources).NotEmpty();
    }
}

public sealed class SaveAppointmentTypeHandler(IClinicSetup setup) : ICommandHandler<SaveAppointmentTypeCommand, bool>
{
    public async ValueTask<bool> Handle(SaveAppointmentTypeCommand command, CancellationToken cancellationToken) =>
        await setup.SaveAppointmentTypeAsync(new ClinicId(command.Clinic), new AppointmentType(
            new AppointmentTypeId(command.AppointmentType), command.Name, TimeSpan.FromMinutes(command.DurationMinutes),
            command.Species.Select(s => s.Trim().ToLowerInvariant()).ToHashSet(), command.Resources.Select(r => new ResourceId(r)).ToHashSet(),
            command.OwnersMayBookDirectly), cancellationToken);
}
