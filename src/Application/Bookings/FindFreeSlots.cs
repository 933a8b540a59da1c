using FluentValidation;
using Mediator;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

/// <summary>The free slots of one appointment type at a clinic over some local days, on every suitable resource or one.</summary>
public sealed record FindFreeSlotsQuery(Guid Clinic, Guid AppointmentType, DateOnly From, int Days = 7, Guid? Resource = null)
    : IQuery<IReadOnlyList<FreeSlotView>?>;

public sealed record FreeSlotView(Guid ResourceId, string Resource, DateTimeOffset Start, DateTimeOffset End);

public sealed class FindFreeSlotsValidator : AbstractValidator<FindFreeSlotsQuery>
{
    public FindFreeSlotsValidator()
    {
        RuleFor(q => q.Clinic).NotEmpty();
        RuleFor(q => q.AppointmentType).NotEmpty();
        RuleFor(q => q.Days).InclusiveBetween(1, 31);
    }
}

public sealed class FindFreeSlotsHandler(IClinicRulesSource clinics, IBusyTimes busyTimes, TimeProvider clock)
    : IQueryHandler<FindFreeSlotsQuery, IReadOnlyList<FreeSlotView>?>
{
    public async ValueTask<IReadOnlyList<FreeSlotView>?> Handle(FindFreeSlotsQuery query, CancellationToken cancellationToken)
    {
        var rules = await clinics.FindAsync(new ClinicId(query.Clinic), cancellationToken);
        if (rules?.FindType(new AppointmentTypeId(query.AppointmentType)) is not { } type)
            return null;
        // Local days, widened by a day either side so that any time zone's days are covered.
        var window = new TimeSlot(
            new DateTimeOffset(query.From.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(query.From.AddDays(query.Days + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var busy = await busyTimes.ForClinicAsync(rules.Clinic, window, cancellationToken);
        var names = rules.Resources.ToDictionary(r => r.Id, r => r.Name);
        return Availability.FreeSlots(rules, type, query.From, query.Days, busy, clock.GetUtcNow(),
                query.Resource is { } only ? new ResourceId(only) : null)
            .Select(s => new FreeSlotView(s.Resource.Value, names.GetValueOrDefault(s.Resource, ""), s.Slot.Start, s.Slot.End))
            .ToList();
    }
}
