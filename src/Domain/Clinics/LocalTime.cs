namespace VetOS.Domain.Clinics;

/// <summary>The instants a wall-clock time in a zone names, across the clock changes.</summary>
public static class LocalTime
{
    /// <summary>None when the clocks skip the time, two when they go back and it happens twice, otherwise one; earliest first.</summary>
    public static IEnumerable<DateTimeOffset> Instants(TimeZoneInfo zone, DateTime local) =>
        zone.IsInvalidTime(local) ? [] : Offsets(zone, local).Select(offset => new DateTimeOffset(local, offset).ToUniversalTime()).Order();

    /// <summary>The first instant the time names; a skipped time counts from the offset the zone gives it.</summary>
    public static DateTimeOffset Earliest(TimeZoneInfo zone, DateTime local) => new(local, Offsets(zone, local).Max());

    /// <summary>The last instant the time names.</summary>
    public static DateTimeOffset Latest(TimeZoneInfo zone, DateTime local) => new(local, Offsets(zone, local).Min());

    private static TimeSpan[] Offsets(TimeZoneInfo zone, DateTime local) =>
        zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
}
