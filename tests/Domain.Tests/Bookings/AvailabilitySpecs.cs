using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>Free times are instants: across the clock changes each real time is offered once, and no skipped one is.</summary>
public sealed class AvailabilitySpecs
{
    /// <summary>The clinic open through Sunday night, when London's clocks go back at 02:00 BST (01:00Z) on 2027-10-31 and forward on 2027-03-28.</summary>
    private static readonly ClinicRules OpenAllNight = Rules with
    {
        OpeningHours = [new(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(4, 0))],
        BlockedTimes = [],
        MinimumLeadTime = TimeSpan.Zero,
        BookingHorizon = TimeSpan.FromDays(400),
    };

    private static List<DateTimeOffset> StartsOn(DateOnly day) =>
        Availability.FreeSlots(OpenAllNight, Vaccination, day, 1, [], At(2027, 1, 4, 9, 0), DrPatel).Select(s => s.Slot.Start).ToList();

    [Fact]
    public void When_the_clocks_go_back_both_occurrences_of_the_repeated_hour_are_offered()
    {
        var starts = StartsOn(new DateOnly(2027, 10, 31));

        // 01:00–01:45 local happens at 00:00Z–00:45Z (BST) and again at 01:00Z–01:45Z (GMT).
        starts.Should().Contain([At(2027, 10, 31, 0, 0), At(2027, 10, 31, 0, 45), At(2027, 10, 31, 1, 0), At(2027, 10, 31, 1, 45)]);
        starts.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        starts.Should().HaveCount(4 * 5, "from 00:00 BST (23:00Z) to 03:45 GMT, every quarter hour of five real hours");
    }

    [Fact]
    public void When_the_clocks_go_forward_the_skipped_hour_is_not_offered()
    {
        var starts = StartsOn(new DateOnly(2027, 3, 28));

        starts.Should().OnlyHaveUniqueItems().And.HaveCount(4 * 3, "01:00–01:45 local does not exist that night: three real hours");
        starts.Should().Contain(At(2027, 3, 28, 0, 45)).And.Contain(At(2027, 3, 28, 1, 0), "00:45 GMT is followed by 02:00 BST, which is 01:00Z");
    }
}
