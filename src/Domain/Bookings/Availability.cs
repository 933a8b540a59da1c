using VetOS.Domain.Clinics;

namespace VetOS.Domain.Bookings;

/// <summary>A resource held from Start to End, buffer included.</summary>
public sealed record BusyTime(ResourceId Resource, TimeSlot Held);

public sealed record FreeSlot(ResourceId Resource, TimeSlot Slot);

public static class Availability
{
    /// <summary>Offered starts fall on this grid of the clinic's local time.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Every slot of <paramref name="type"/> on the given local days that the clinic's rules allow and that no
    /// live appointment (with its buffer) holds; a slot needs its own buffer free too.
    /// </summary>
    public static IEnumerable<FreeSlot> FreeSlots(
        ClinicRules clinic, AppointmentType type, DateOnly firstDay, int days, IReadOnlyList<BusyTime> busy, DateTimeOffset now,
        ResourceId? onlyResource = null)
    {
        var resources = type.Resources.Where(r => onlyResource is null || r == onlyResource).ToList();
        var busyByResource = busy.GroupBy(b => b.Resource).ToDictionary(g => g.Key, g => g.Select(b => b.Held).ToList());
        for (var day = firstDay; day < firstDay.AddDays(days); day = day.AddDays(1))
        {
            foreach (var period in clinic.OpeningHours.Where(p => p.Day == day.DayOfWeek).OrderBy(p => p.Opens))
            {
                var starts = new List<DateTimeOffset>();
                for (var local = period.Opens.ToTimeSpan(); local + type.Duration <= period.Closes.ToTimeSpan(); local += Step)
                    starts.AddRange(LocalTime.Instants(clinic.TimeZone, day.ToDateTime(TimeOnly.FromTimeSpan(local))));
                foreach (var start in starts.Order())
                {
                    var slot = TimeSlot.Of(start, type.Duration);
                    var held = TimeSlot.Of(start, type.Duration + clinic.Buffer);
                    foreach (var resource in resources)
                    {
                        if (clinic.CheckSlot(type, resource, slot, now) is not null)
                            continue;
                        if (busyByResource.TryGetValue(resource, out var taken) && taken.Exists(t => t.Overlaps(held)))
                            continue;
                        yield return new FreeSlot(resource, slot);
                    }
                }
            }
        }
    }
}
