using VetOS.Domain.PrivacyRequests;
using static VetOS.Domain.Tests.PrivacyRequests.PrivacyRequestSpec;

namespace VetOS.Domain.Tests.PrivacyRequests;

/// <summary>
/// One month from receipt: the same day and time in the next month, or that month's last day when it has no such day,
/// on the calendar of the stored instant (UTC).
/// </summary>
public sealed class Deadlines
{
    [Theory]
    [InlineData(2026, 1, 31, 2026, 2, 28)]
    [InlineData(2027, 1, 31, 2027, 2, 28)]
    [InlineData(2028, 1, 31, 2028, 2, 29)]
    [InlineData(2028, 1, 29, 2028, 2, 29)]
    [InlineData(2028, 1, 30, 2028, 2, 29)]
    public void Received_31_January_is_due_on_the_last_day_of_February_29_in_a_leap_year(int y, int m, int d, int dy, int dm, int dd) =>
        Filed(At(y, m, d, 10, 0)).DueAt.Should().Be(At(dy, dm, dd, 10, 0));

    [Fact]
    public void Received_on_the_31st_before_a_30_day_month_is_due_on_its_30th() =>
        Filed(At(2026, 3, 31, 10, 0)).DueAt.Should().Be(At(2026, 4, 30, 10, 0));

    [Fact]
    public void Received_on_the_30th_before_a_31_day_month_is_due_on_its_30th_not_its_last_day() =>
        Filed(At(2026, 4, 30, 10, 0)).DueAt.Should().Be(At(2026, 5, 30, 10, 0));

    [Fact]
    public void Received_in_December_is_due_in_January_of_the_next_year() =>
        Filed(At(2026, 12, 31, 10, 0)).DueAt.Should().Be(At(2027, 1, 31, 10, 0));

    [Fact]
    public void Received_late_in_the_day_is_due_at_the_same_time_a_month_later_not_at_the_start_of_that_day() =>
        Filed(At(2026, 1, 31, 23, 59)).DueAt.Should().Be(At(2026, 2, 28, 23, 59));

    [Fact]
    public void Received_just_after_midnight_in_a_clinic_ahead_of_UTC_is_due_on_the_clinics_day_not_a_day_late()
    {
        var berlin = new DateTimeOffset(2026, 3, 31, 0, 30, 0, TimeSpan.FromHours(2)); // 30 March 22:30 UTC

        Filed(berlin, calendar: "Europe/Berlin").DueAt.Should().Be(new DateTimeOffset(2026, 4, 30, 0, 30, 0, TimeSpan.FromHours(2)),
            "31 March in Berlin is due on 30 April in Berlin; counted in UTC it would be 30 April 22:30 UTC, 1 May in Berlin");
    }

    [Fact]
    public void Received_in_the_evening_of_the_last_day_of_February_behind_UTC_is_due_on_the_28th_of_March_there()
    {
        var newYork = new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.FromHours(-5)); // 1 March 03:00 UTC

        Filed(newYork, calendar: "America/New_York").DueAt.Should().Be(new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.FromHours(-4)),
            "28 February is due on 28 March in New York (summer time by then); counted in UTC it would be 31 March");
    }

    [Fact]
    public void The_clocks_changing_in_between_moves_the_instant_not_the_clinics_time_of_day() =>
        Filed(At(2026, 3, 2, 10, 0), calendar: "Europe/London").DueAt.Should().Be(At(2026, 4, 2, 9, 0), "10:00 in London on 2 April is 09:00 UTC");

    [Fact]
    public void An_extension_counts_from_receipt_so_31_January_plus_two_more_months_is_30_April() =>
        Given(Verified(At(2026, 1, 31, 10, 0)))
            .When(r => r.Extend(2, "Records span three practices", Admin, Now))
            .Then(PrivacyRequestStatus.IdentityVerified, "extended by 2 months", "Records span three practices")
            .DueAt.Should().Be(At(2026, 4, 30, 10, 0));

    [Fact]
    public void Eight_days_before_the_deadline_a_request_is_on_time() =>
        Filed(At(2026, 1, 31, 10, 0)).FlagAt(At(2026, 2, 20, 10, 0)).Should().Be(DeadlineFlag.OnTime);

    [Fact]
    public void Seven_days_before_the_deadline_a_request_is_nearly_due() =>
        Filed(At(2026, 1, 31, 10, 0)).FlagAt(At(2026, 2, 21, 10, 0)).Should().Be(DeadlineFlag.DueSoon);

    [Fact]
    public void At_the_deadline_a_request_is_still_nearly_due() =>
        Filed(At(2026, 1, 31, 10, 0)).FlagAt(At(2026, 2, 28, 10, 0)).Should().Be(DeadlineFlag.DueSoon);

    [Fact]
    public void A_minute_past_the_deadline_a_request_is_overdue() =>
        Filed(At(2026, 1, 31, 10, 0)).FlagAt(At(2026, 2, 28, 10, 1)).Should().Be(DeadlineFlag.Overdue);

    [Fact]
    public void A_closed_request_is_never_overdue() =>
        Completed().FlagAt(Now.AddYears(1)).Should().Be(DeadlineFlag.Closed);
}
