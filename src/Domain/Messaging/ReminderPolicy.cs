namespace VetOS.Domain.Messaging;

/// <summary>
/// When a clinic's reminders go: each offset before the appointment (elapsed time, so 24 h is 24 h across a clock
/// change), and never inside the quiet hours of the clinic's local time. Quiet hours from 21:00 to 08:00 span midnight;
/// equal start and end mean none.
/// </summary>
public sealed record ReminderPolicy(IReadOnlyList<TimeSpan> Offsets, TimeOnly QuietStart, TimeOnly QuietEnd)
{
    public const int MaxOffsets = 5;
    public static readonly TimeSpan MinOffset = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(14);

    public static readonly ReminderPolicy Default = new([TimeSpan.FromHours(24)], new TimeOnly(21, 0), new TimeOnly(8, 0));

    public bool HasQuietHours => QuietStart != QuietEnd;

    public bool IsQuiet(TimeOnly local) => HasQuietHours && (QuietStart < QuietEnd
        ? local >= QuietStart && local < QuietEnd
        : local >= QuietStart || local < QuietEnd);

    /// <summary>
    /// When the reminder <paramref name="offset"/> before <paramref name="start"/> goes out: that instant, or, when it
    /// falls in quiet hours, the last minute before those quiet hours began (so always before the appointment).
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset start, TimeSpan offset, TimeZoneInfo zone)
    {
        var due = start - offset;
        var local = TimeZoneInfo.ConvertTime(due, zone);
        if (!IsQuiet(TimeOnly.FromDateTime(local.DateTime)))
            return due;
        // The quiet hours began today, or yesterday when they span midnight and this is the morning side.
        var day = DateOnly.FromDateTime(local.DateTime);
        if (QuietStart > QuietEnd && TimeOnly.FromDateTime(local.DateTime) < QuietEnd)
            day = day.AddDays(-1);
        return Instant(zone, day.ToDateTime(QuietStart).AddMinutes(-1));
    }

    /// <summary>The instant of a local time: a time the clocks skip is taken an hour earlier, an ambiguous one at its first occurrence.</summary>
    private static DateTimeOffset Instant(TimeZoneInfo zone, DateTime local)
    {
        while (zone.IsInvalidTime(local))
            local = local.AddHours(-1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
