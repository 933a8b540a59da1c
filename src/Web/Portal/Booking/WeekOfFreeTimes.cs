using VetOS.Application.Bookings;

namespace VetOS.Web.Portal.Booking;

/// <summary>A free time as the owner reads it: on the clinic's wall clock, with the vet or room that is free then.</summary>
public sealed record FreeTime(Guid Resource, string ResourceName, DateTimeOffset Start, DateTime Local);

/// <summary>
/// One week (Monday to Sunday, in the clinic's time zone) of the free times FindFreeSlots offers, grouped by day,
/// with links to the weeks either side; <see cref="Choose"/> makes the link that picks a time.
/// </summary>
public sealed record WeekOfFreeTimes(
    DateOnly Monday, bool HasPrevious, IReadOnlyList<IGrouping<DateOnly, FreeTime>> Days,
    Func<DateOnly, string> WeekLink, Func<FreeTime, string> Choose)
{
    public const int Length = 7;

    /// <summary>The Monday of the week asked for, never before this week.</summary>
    public static DateOnly MondayOf(DateOnly? asked, DateOnly today)
    {
        var thisWeek = StartOfWeek(today);
        return asked is { } day && StartOfWeek(day) > thisWeek ? StartOfWeek(day) : thisWeek;
    }

    public static WeekOfFreeTimes Of(
        IReadOnlyList<FreeSlotView> slots, TimeZoneInfo zone, DateOnly monday, DateOnly today,
        Func<DateOnly, string> weekLink, Func<FreeTime, string> choose)
    {
        // One offer per start time: owners choose when; the first free vet or room takes it.
        var days = slots
            .GroupBy(s => s.Start).Select(g => g.First())
            .Select(s => new FreeTime(s.ResourceId, s.Resource, s.Start, TimeZoneInfo.ConvertTime(s.Start, zone).DateTime))
            .OrderBy(t => t.Start)
            .GroupBy(t => DateOnly.FromDateTime(t.Local))
            .ToList();
        return new WeekOfFreeTimes(monday, monday > StartOfWeek(today), days, weekLink, choose);
    }

    public static string Instant(DateTimeOffset start) => start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
