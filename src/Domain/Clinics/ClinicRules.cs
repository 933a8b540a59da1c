using VetOS.Domain.Bookings;

namespace VetOS.Domain.Clinics;

/// <summary>Opening hours of one weekday, in the clinic's local time.</summary>
public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A closure (no resource given: the whole clinic) or a blocked time of one resource.</summary>
public sealed record BlockedTime(TimeSlot Slot, ResourceId? Resource = null, string Reason = "");

public sealed record Resource(ResourceId Id, string Name, string Kind);

public sealed record AppointmentType(
    AppointmentTypeId Id,
    string Name,
    TimeSpan Duration,
    IReadOnlySet<string> Species,
    IReadOnlySet<ResourceId> Resources,
    bool OwnersMayBookDirectly);

/// <summary>A clinic's booking rules, as clinic admins set them.</summary>
public sealed record ClinicRules(
    ClinicId Clinic,
    TimeZoneInfo TimeZone,
    IReadOnlyList<OpeningPeriod> OpeningHours,
    IReadOnlyList<BlockedTime> BlockedTimes,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<AppointmentType> AppointmentTypes,
    TimeSpan MinimumLeadTime,
    TimeSpan Buffer,
    TimeSpan BookingHorizon,
    TimeSpan CancellationWindow)
{
    public AppointmentType? FindType(AppointmentTypeId id) => AppointmentTypes.FirstOrDefault(t => t.Id == id);

    /// <summary>Why <paramref name="slot"/> on <paramref name="resource"/> cannot take an appointment of <paramref name="type"/>, or null when it can.</summary>
    public BookingError? CheckSlot(AppointmentType type, ResourceId resource, TimeSlot slot, DateTimeOffset now)
    {
        if (!type.Resources.Contains(resource))
            return BookingErrors.ResourceNotSuitable;
        if (slot.Duration != type.Duration)
            return BookingErrors.WrongDuration;
        if (slot.Start < now + MinimumLeadTime)
            return BookingErrors.InsideLeadTime;
        if (slot.Start > now + BookingHorizon)
            return BookingErrors.BeyondHorizon;
        if (!IsOpen(slot))
            return BookingErrors.OutsideOpeningHours;
        if (BlockedTimes.Any(b => (b.Resource is null || b.Resource == resource) && b.Slot.Overlaps(slot)))
            return BookingErrors.Blocked;
        return null;
    }

    /// <summary>
    /// Whether the whole slot falls inside one opening period of its local day, compared as instants: when the clocks go
    /// back, the repeated hour is open both times, and a slot across the change is as long as it says.
    /// </summary>
    public bool IsOpen(TimeSlot slot)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot.Start, TimeZone).DateTime);
        return OpeningHours.Any(p => p.Day == day.DayOfWeek
            && LocalTime.Earliest(TimeZone, day.ToDateTime(p.Opens)) <= slot.Start
            && slot.End <= (p.Closes == TimeOnly.MaxValue
                ? LocalTime.Earliest(TimeZone, day.AddDays(1).ToDateTime(TimeOnly.MinValue))
                : LocalTime.Latest(TimeZone, day.ToDateTime(p.Closes))));
    }

    /// <summary>Whether an owner may still change an appointment starting at <paramref name="start"/>.</summary>
    public bool OutsideCancellationWindow(DateTimeOffset start, DateTimeOffset now) => now <= start - CancellationWindow;
}
