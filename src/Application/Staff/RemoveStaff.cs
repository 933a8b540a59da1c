using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Staff;

/// <summary>A clinic admin removes a member: the account is closed and its sessions end at once.</summary>
public sealed record RemoveStaffCommand(Guid Clinic, Guid Account) : ICommand<StaffChange>, IClinicAdminRequest;

public sealed class RemoveStaffHandler(IStaffAccounts staff) : ICommandHandler<RemoveStaffCommand, StaffChange>
{
    public async ValueTask<StaffChange> Handle(RemoveStaffCommand command, CancellationToken cancellationToken) =>
        await staff.RemoveAsync(command.Clinic, command.Account, cancellationToken);
}
