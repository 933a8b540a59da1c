using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.PrivacyRequests;

/// <summary>The clinic's request queue, soonest due first: open ones (or all), each flagged on time, due soon or overdue.</summary>
public sealed record ListPrivacyRequestsQuery(Guid Clinic, bool IncludeClosed = false) : IQuery<PrivacyRequestQueue>, IStaffRequest;

public sealed record PrivacyRequestQueue(int Open, int DueSoon, int Overdue, IReadOnlyList<PrivacyRequestView> Requests);

public sealed class ListPrivacyRequestsHandler(IPrivacyRequests requests, TimeProvider clock) : IQueryHandler<ListPrivacyRequestsQuery, PrivacyRequestQueue>
{
    public async ValueTask<PrivacyRequestQueue> Handle(ListPrivacyRequestsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var views = (await requests.ForClinicAsync(new ClinicId(query.Clinic), !query.IncludeClosed, cancellationToken))
            .Select(r => PrivacyRequestView.Of(r, now)).ToList();
        var open = views.Where(v => v.Deadline != Domain.PrivacyRequests.DeadlineFlag.Closed).ToList();
        return new(open.Count, open.Count(v => v.Deadline == Domain.PrivacyRequests.DeadlineFlag.DueSoon),
            open.Count(v => v.Deadline == Domain.PrivacyRequests.DeadlineFlag.Overdue), views);
    }
}
