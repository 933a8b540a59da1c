using FluentValidation;
using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Clinics;

/// <summary>A platform operator onboards a clinic. Its admins then set hours, vets and rooms, and appointment types.</summary>
public sealed record CreateClinicCommand(ClinicDetails Details) : ICommand<CreatedClinic>, IOperatorRequest;

public sealed record CreatedClinic(Guid? Id, bool SlugTaken);

public sealed class CreateClinicValidator : AbstractValidator<CreateClinicCommand>
{
    public CreateClinicValidator() => RuleFor(c => c.Details).NotNull().SetValidator(new ClinicDetailsValidator()).OverridePropertyName("");
}

public sealed class CreateClinicHandler(IClinicRegistry clinics) : ICommandHandler<CreateClinicCommand, CreatedClinic>
{
    public async ValueTask<CreatedClinic> Handle(CreateClinicCommand command, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        return await clinics.CreateAsync(id, Normalised(command.Details), cancellationToken) == ClinicSaved.Saved
            ? new CreatedClinic(id, SlugTaken: false)
            : new CreatedClinic(null, SlugTaken: true);
    }

    internal static ClinicDetails Normalised(ClinicDetails d) => d with
    {
        Name = d.Name.Trim(), Address = d.Address.Trim(), ContactEmail = d.ContactEmail.Trim(),
        ContactPhone = Accounts.Phones.ToE164(d.ContactPhone), GrievanceContact = d.GrievanceContact.Trim(),
    };
}
