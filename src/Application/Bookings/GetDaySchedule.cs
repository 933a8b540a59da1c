using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Bookings;

/// <summary>A clinic's appointments on one local day, per resource: for its staff only.</summary>
public sealed record GetDayScheduleQuery(Guid Clinic, DateOnly Day) : IQuery<DaySchedule?>, IStaffRequest;

public sealed record DaySchedule(Guid ClinicId, DateOnly Day, string TimeZone, IReadOnlyList<ResourceDay> Resources) : IShowsOwnerData
{
    Guid IShowsOwnerData.Clinic => ClinicId;
    string IShowsOwnerData.Record => $"day schedule {Day:yyyy-MM-dd}";
    IEnumerable<Guid> IShowsOwnerData.OwnersShown => Resources.SelectMany(r => r.Appointments).Select(a => a.OwnerId);
}

public sealed record ResourceDay(Guid ResourceId, string Resource, IReadOnlyList<AppointmentView> Appointments);

public sealed class GetDayScheduleHandler(IClinicRulesSource clinics, IAppointmentReadModel appointments)
    : IQueryHandler<GetDayScheduleQuery, DaySchedule?>
{
    public async ValueTask<DaySchedule?> Handle(GetDayScheduleQuery query, CancellationToken cancellationToken)
    {
        var rules = await clinics.FindAsync(new ClinicId(query.Clinic), cancellationToken);
        if (rules is null)
            return null;
        var start = query.Day.ToDateTime(TimeOnly.MinValue);
        var day = new TimeSlot(
            new DateTimeOffset(start, rules.TimeZone.GetUtcOffset(start)),
            new DateTimeOffset(start.AddDays(1), rules.TimeZone.GetUtcOffset(start.AddDays(1))));
        var booked = await appointments.ForClinicDayAsync(rules.Clinic, day, cancellationToken);
        return new DaySchedule(query.Clinic, query.Day, rules.TimeZone.Id, rules.Resources
            .Select(r => new ResourceDay(r.Id.Value, r.Name, booked.Where(a => a.ResourceId == r.Id.Value).OrderBy(a => a.Start).ToList()))
            .ToList());
    }
}
