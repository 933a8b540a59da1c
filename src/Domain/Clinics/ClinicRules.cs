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

    /// <summary>Whether the whole slot falls inside one opening period of its local day.</summary>
    public bool IsOpen(TimeSlot slot)
    {
        var start = TimeZoneInfo.ConvertTime(slot.Start, TimeZone);
        var end = TimeZoneInfo.ConvertTime(slot.End, TimeZone);
        if (start.Date != end.Date && end.TimeOfDay != TimeSpan.Zero)
            return false;
        var opens = TimeOnly.FromTimeSpan(start.TimeOfDay);
        var closes = end.TimeOfDay == TimeSpan.Zero && end.Date > start.Date ? TimeOnly.MaxValue : TimeOnly.FromTimeSpan(end.TimeOfDay);
        if (closes <= opens)
            return false; // the clocks went back during the slot: its wall-clock end comes before its start
        return OpeningHours.Any(p => p.Day == start.DayOfWeek && p.Opens <= opens && closes <= p.Closes);
    }

    /// <summary>Whether an owner may still change an appointment starting at <paramref name="start"/>.</summary>
    public bool OutsideCancellationWindow(DateTimeOffset start, DateTimeOffset now) => now <= start - CancellationWindow;
}
