using VetOS.Domain.Messaging;

namespace VetOS.Domain.Tests.Messaging;

/// <summary>When a reminder goes: its offset in elapsed time before the appointment, earlier when that falls in quiet hours.</summary>
public sealed class ReminderTimes
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ReminderPolicy Policy = ReminderPolicy.Default; // 24 h; quiet from 21:00 to 08:00
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_reminder_goes_24_hours_before() =>
        Policy.DueAt(Utc(2026, 11, 24, 10), Day, London).Should().Be(Utc(2026, 11, 23, 10));

    [Theory]
    [InlineData(12, 2026, 11, 23, 20, 59)] // 21:00 the evening before: the quiet hours have just begun
    [InlineData(10, 2026, 11, 23, 20, 59)] // 23:00
    [InlineData(2, 2026, 11, 23, 20, 59)]  // 07:00 on the day: the quiet hours began the evening before
    [InlineData(1, 2026, 11, 24, 8, 0)]    // 08:00: the quiet hours are over
    public void A_reminder_in_quiet_hours_goes_the_minute_before_they_begin(int hoursBefore, int year, int month, int day, int hour, int minute) =>
        Policy.DueAt(Utc(2026, 11, 24, 9), TimeSpan.FromHours(hoursBefore), London).Should().Be(Utc(year, month, day, hour, minute));

    [Fact]
    public void Quiet_hours_within_one_day_move_a_reminder_to_the_minute_before_them()
    {
        var lunch = Policy with { QuietStart = new TimeOnly(13, 0), QuietEnd = new TimeOnly(14, 0) };

        lunch.DueAt(Utc(2026, 11, 24, 15, 30), TimeSpan.FromHours(2), London).Should().Be(Utc(2026, 11, 24, 12, 59));
        lunch.DueAt(Utc(2026, 11, 24, 16), TimeSpan.FromHours(2), London).Should().Be(Utc(2026, 11, 24, 14));
    }

    [Fact]
    public void Equal_start_and_end_mean_no_quiet_hours() =>
        (Policy with { QuietStart = new TimeOnly(0, 0), QuietEnd = new TimeOnly(0, 0) })
            .DueAt(Utc(2026, 11, 24, 9), TimeSpan.FromHours(10), London).Should().Be(Utc(2026, 11, 23, 23));

    [Fact]
    public void Across_the_spring_change_24_hours_before_Monday_09_00_is_Sunday_09_00_summer_time() =>
        // Monday 30 March 2026 09:00 BST is 08:00 UTC; the clocks went forward at 01:00 UTC on Sunday 29 March.
        Policy.DueAt(Utc(2026, 3, 30, 8), Day, London).Should().Be(Utc(2026, 3, 29, 8));

    [Fact]
    public void On_the_day_of_the_spring_change_24_hours_before_is_an_hour_earlier_on_the_clock() =>
        // Sunday 29 March 10:00 BST (09:00 UTC): 24 hours before is Saturday 09:00 GMT.
        Policy.DueAt(Utc(2026, 3, 29, 9), Day, London).Should().Be(Utc(2026, 3, 28, 9));

    [Fact]
    public void Across_the_autumn_change_24_hours_are_24_hours() =>
        // Sunday 25 October 2026 10:00 GMT (10:00 UTC); the clocks went back at 01:00 UTC that morning: Saturday 11:00 BST.
        Policy.DueAt(Utc(2026, 10, 25, 10), Day, London).Should().Be(Utc(2026, 10, 24, 10));

    [Fact]
    public void Quiet_hours_that_span_the_spring_change_end_at_the_evening_before_on_that_evening_s_clock() =>
        // Sunday 29 March 08:30 BST (07:30 UTC), 2 h before: 06:30 BST, quiet since Saturday 21:00 GMT → Saturday 20:59 GMT.
        Policy.DueAt(Utc(2026, 3, 29, 7, 30), TimeSpan.FromHours(2), London).Should().Be(Utc(2026, 3, 28, 20, 59));

    [Fact]
    public void Quiet_hours_that_span_the_autumn_change_end_at_the_evening_before_on_that_evening_s_clock() =>
        // Sunday 25 October 08:30 GMT, 2 h before: 06:30 GMT, quiet since Saturday 21:00 BST → Saturday 20:59 BST, 19:59 UTC.
        Policy.DueAt(Utc(2026, 10, 25, 8, 30), TimeSpan.FromHours(2), London).Should().Be(Utc(2026, 10, 24, 19, 59));
}
