using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Bookings;

/// <summary>The signed-in owner's appointments at every clinic, upcoming first, then past.</summary>
public sealed record ListMyAppointmentsQuery : IQuery<MyAppointments>, IAuthenticatedRequest;

public sealed record MyAppointments(IReadOnlyList<AppointmentView> Upcoming, IReadOnlyList<AppointmentView> Past);

public sealed class ListMyAppointmentsHandler(IAppointmentReadModel appointments, ICurrentActor current, TimeProvider clock)
    : IQueryHandler<ListMyAppointmentsQuery, MyAppointments>
{
    public async ValueTask<MyAppointments> Handle(ListMyAppointmentsQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor!;
        if (actor.Role != ActorRole.Owner)
            throw new ForbiddenException("Only owners have appointments of their own; staff see them through their clinic's schedule.");
        var all = await appointments.ForOwnerAsync(new OwnerId(actor.Id), cancellationToken);
        var now = clock.GetUtcNow();
        return new MyAppointments(
            all.Where(a => a.End > now).OrderBy(a => a.Start).ToList(),
            all.Where(a => a.End <= now).OrderByDescending(a => a.Start).ToList());
    }
}
