using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Messaging;

/// <summary>A clinic's reminder policy, for its staff.</summary>
public sealed record GetReminderPolicyQuery(Guid Clinic) : IQuery<ReminderPolicyView?>, IStaffRequest;

public sealed record ReminderPolicyView(IReadOnlyList<int> OffsetsMinutes, TimeOnly QuietHoursStart, TimeOnly QuietHoursEnd);

public sealed class GetReminderPolicyHandler(IReminderPolicies policies) : IQueryHandler<GetReminderPolicyQuery, ReminderPolicyView?>
{
    public async ValueTask<ReminderPolicyView?> Handle(GetReminderPolicyQuery query, CancellationToken cancellationToken) =>
        await policies.FindAsync(query.Clinic, cancellationToken) is { } policy
            ? new ReminderPolicyView(policy.Offsets.Select(o => (int)o.TotalMinutes).ToList(), policy.QuietStart, policy.QuietEnd)
            : null;
}
