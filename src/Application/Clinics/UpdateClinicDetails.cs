using FluentValidation;
using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Clinics;

/// <summary>A clinic's admins keep its name, address and privacy contacts current.</summary>
public sealed record UpdateClinicDetailsCommand(Guid Clinic, ClinicDetails Details) : ICommand<ClinicSaved>, IClinicAdminRequest;

public sealed class UpdateClinicDetailsValidator : AbstractValidator<UpdateClinicDetailsCommand>
{
    public UpdateClinicDetailsValidator() => RuleFor(c => c.Details).NotNull().SetValidator(new ClinicDetailsValidator()).OverridePropertyName("");
}

public sealed class UpdateClinicDetailsHandler(IClinicRegistry clinics) : ICommandHandler<UpdateClinicDetailsCommand, ClinicSaved>
{
    public async ValueTask<ClinicSaved> Handle(UpdateClinicDetailsCommand command, CancellationToken cancellationToken) =>
        await clinics.UpdateAsync(command.Clinic, CreateClinicHandler.Normalised(command.Details), cancellationToken);
}
