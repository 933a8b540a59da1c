using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Staff;

/// <summary>A clinic admin changes a member's role; the member's sessions end, so the new role applies at once.</summary>
public sealed record ChangeStaffRoleCommand(Guid Clinic, Guid Account, ActorRole Role) : ICommand<StaffChange>, IClinicAdminRequest;

public sealed class ChangeStaffRoleValidator : AbstractValidator<ChangeStaffRoleCommand>
{
    public ChangeStaffRoleValidator() => RuleFor(c => c.Role).Must(StaffRoles.All.Contains).WithMessage(StaffRoles.Message);
}

public sealed class ChangeStaffRoleHandler(IStaffAccounts staff) : ICommandHandler<ChangeStaffRoleCommand, StaffChange>
{
    public async ValueTask<StaffChange> Handle(ChangeStaffRoleCommand command, CancellationToken cancellationToken) =>
        await staff.ChangeRoleAsync(command.Clinic, command.Account, command.Role, cancellationToken);
}
