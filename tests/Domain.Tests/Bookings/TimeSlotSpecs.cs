namespace VetOS.Domain.Tests.Bookings;

public sealed class TimeSlotSpecs
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static TimeSlot Minutes(int from, int to) => new(Ten.AddMinutes(from), Ten.AddMinutes(to));

    [Fact]
    public void A_slot_ending_before_it_starts_is_refused()
    {
        var act = () => new TimeSlot(Ten, Ten.AddMinutes(-20));

        act.Should().Throw<ArgumentException>().WithParameterName("end");
    }

    [Fact]
    public void A_slot_of_no_length_is_refused()
    {
        var act = () => TimeSlot.Of(Ten, TimeSpan.Zero);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_slot_is_kept_in_utc()
    {
        var slot = new TimeSlot(new DateTimeOffset(2027, 6, 14, 9, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2027, 6, 14, 9, 20, 0, TimeSpan.FromHours(1)));

        (slot.Start.Offset, slot.End.Offset, slot.Start.UtcDateTime.Hour).Should().Be((TimeSpan.Zero, TimeSpan.Zero, 8));
    }

    [Fact]
    public void Of_a_start_and_a_duration_ends_that_long_after()
    {
        var slot = TimeSlot.Of(Ten, TimeSpan.FromMinutes(20));

        slot.Should().Be(Minutes(0, 20));
        slot.Duration.Should().Be(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void The_same_instants_written_with_different_offsets_are_the_same_slot() =>
        new TimeSlot(Ten.ToOffset(TimeSpan.FromHours(-5)), Ten.AddMinutes(20).ToOffset(TimeSpan.FromHours(9))).Should().Be(Minutes(0, 20));

    [Fact]
    public void Back_to_back_slots_do_not_overlap() =>
        (Minutes(0, 20).Overlaps(Minutes(20, 40)), Minutes(20, 40).Overlaps(Minutes(0, 20))).Should().Be((false, false));

    [Fact]
    public void Slots_sharing_a_minute_overlap_both_ways() =>
        (Minutes(0, 20).Overlaps(Minutes(19, 40)), Minutes(19, 40).Overlaps(Minutes(0, 20))).Should().Be((true, true));

    [Fact]
    public void A_slot_inside_another_overlaps_it() =>
        (Minutes(0, 60).Overlaps(Minutes(20, 40)), Minutes(20, 40).Overlaps(Minutes(0, 60))).Should().Be((true, true));

    [Fact]
    public void A_slot_overlaps_itself() =>
        Minutes(0, 20).Overlaps(Minutes(0, 20)).Should().BeTrue();

    [Fact]
    public void Separate_slots_do_not_overlap() =>
        Minutes(0, 20).Overlaps(Minutes(30, 50)).Should().BeFalse();

    [Fact]
    public void Contains_includes_both_ends_but_not_a_slot_running_over() =>
        (Minutes(0, 60).Contains(Minutes(0, 60)), Minutes(0, 60).Contains(Minutes(40, 60)), Minutes(0, 60).Contains(Minutes(50, 70)))
            .Should().Be((true, true, false));
}
