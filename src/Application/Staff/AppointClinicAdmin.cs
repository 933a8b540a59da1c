using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Staff;

/// <summary>A platform operator gives a new clinic its first admin, who takes it from there.</summary>
public sealed record AppointClinicAdminCommand(Guid Clinic, string Name, string Email) : ICommand<Invitee>, IOperatorRequest;

public sealed class AppointClinicAdminValidator : AbstractValidator<AppointClinicAdminCommand>
{
    public AppointClinicAdminValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
    }
}

public sealed class AppointClinicAdminHandler(InviteStaffHandler invitations) : ICommandHandler<AppointClinicAdminCommand, Invitee>
{
    public ValueTask<Invitee> Handle(AppointClinicAdminCommand command, CancellationToken cancellationToken) =>
        invitations.Handle(new InviteStaffCommand(command.Clinic, command.Name, command.Email, ActorRole.ClinicAdmin), cancellationToken);
}
