using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

/// <summary>One appointment as it stands now (read from its stream, so it is never behind), for its owner or its clinic's staff.</summary>
public sealed record GetAppointmentQuery(Guid Booking) : IQuery<AppointmentState?>, IAuthenticatedRequest;

public sealed record AppointmentState(
    Guid Id, Guid ClinicId, Guid OwnerId, Guid PetId, Guid AppointmentTypeId, Guid ResourceId,
    DateTimeOffset Start, DateTimeOffset End, AppointmentStatus Status, long Revision) : IShowsOwnerData
{
    Guid IShowsOwnerData.Clinic => ClinicId;
    string IShowsOwnerData.Record => $"appointment {Id}";
    IEnumerable<Guid> IShowsOwnerData.OwnersShown => [OwnerId];
}

public sealed class GetAppointmentHandler(IAppointments appointments, ICurrentActor current) : IQueryHandler<GetAppointmentQuery, AppointmentState?>
{
    public async ValueTask<AppointmentState?> Handle(GetAppointmentQuery query, CancellationToken cancellationToken)
    {
        var (state, revision) = await appointments.LoadAsync(new BookingId(query.Booking), cancellationToken);
        var actor = current.Actor!;
        var mayRead = actor.IsStaffOf(state.Clinic) || (actor.Role == ActorRole.Owner && actor.Id == state.Owner.Value);
        // Someone else's appointment looks exactly like a missing one.
        return state.Exists && mayRead
            ? new AppointmentState(state.Id.Value, state.Clinic.Value, state.Owner.Value, state.Pet.Value, state.Type.Value,
                state.Resource.Value, state.Slot.Start, state.Slot.End, state.Status, revision)
            : null;
    }
}
