using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Staff;

public sealed record ListStaffQuery(Guid Clinic) : IQuery<IReadOnlyList<StaffMember>>, IClinicAdminRequest;

public sealed class ListStaffHandler(IStaffAccounts staff) : IQueryHandler<ListStaffQuery, IReadOnlyList<StaffMember>>
{
    public async ValueTask<IReadOnlyList<StaffMember>> Handle(ListStaffQuery query, CancellationToken cancellationToken) =>
        await staff.ListAsync(query.Clinic, cancellationToken);
}
