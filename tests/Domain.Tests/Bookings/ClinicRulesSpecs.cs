using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

public sealed class ClinicRulesSpecs
{
    private static TimeSlot Slot(DateTimeOffset start, int minutes) => TimeSlot.Of(start, TimeSpan.FromMinutes(minutes));

    private static ClinicRules OpenOnly(params OpeningPeriod[] hours) => Rules with { OpeningHours = hours, BlockedTimes = [] };

    // ---- IsOpen --------------------------------------------------------------------------------------------

    [Fact]
    public void A_slot_wholly_inside_the_days_hours_is_open() =>
        Rules.IsOpen(Slot(At(2026, 11, 24, 12, 0), 20)).Should().BeTrue();

    [Fact]
    public void A_slot_may_start_at_opening_and_end_at_closing() =>
        Rules.IsOpen(new TimeSlot(At(2026, 11, 24, 8, 0), At(2026, 11, 24, 18, 0))).Should().BeTrue();

    [Fact]
    public void A_slot_one_minute_past_closing_is_not_open() =>
        Rules.IsOpen(new TimeSlot(At(2026, 11, 24, 17, 41), At(2026, 11, 24, 18, 1))).Should().BeFalse();

    [Fact]
    public void A_slot_starting_one_minute_before_opening_is_not_open() =>
        Rules.IsOpen(Slot(At(2026, 11, 24, 7, 59), 20)).Should().BeFalse();

    [Fact]
    public void Nothing_is_open_on_a_day_without_hours_sunday() =>
        Rules.IsOpen(Slot(At(2026, 11, 29, 12, 0), 20)).Should().BeFalse();

    [Fact]
    public void Saturday_has_its_own_shorter_hours() =>
        (Rules.IsOpen(Slot(At(2026, 11, 28, 9, 0), 20)), Rules.IsOpen(Slot(At(2026, 11, 28, 13, 0), 20)))
            .Should().Be((true, false));

    [Fact]
    public void Hours_are_london_wall_clock_0700Z_is_0800_BST_in_june_and_open() =>
        Rules.IsOpen(Slot(At(2027, 6, 14, 7, 0), 20)).Should().BeTrue();

    [Fact]
    public void Hours_are_london_wall_clock_0659Z_is_0759_BST_in_june_and_closed() =>
        Rules.IsOpen(Slot(At(2027, 6, 14, 6, 59), 20)).Should().BeFalse();

    [Fact]
    public void Hours_are_london_wall_clock_1700Z_is_1800_BST_in_june_and_closed() =>
        Rules.IsOpen(Slot(At(2027, 6, 14, 17, 0), 20)).Should().BeFalse();

    [Fact]
    public void After_the_clocks_go_back_0800Z_is_0800_GMT_and_open_monday_2026_10_26() =>
        Rules.IsOpen(Slot(At(2026, 10, 26, 8, 0), 20)).Should().BeTrue();

    [Fact]
    public void Before_the_clocks_go_back_0700Z_is_0800_BST_and_open_friday_2026_10_23() =>
        Rules.IsOpen(Slot(At(2026, 10, 23, 7, 0), 20)).Should().BeTrue();

    [Fact]
    public void After_the_clocks_go_back_0700Z_is_0700_GMT_and_closed_monday_2026_10_26() =>
        Rules.IsOpen(Slot(At(2026, 10, 26, 7, 0), 20)).Should().BeFalse();

    [Fact]
    public void The_local_day_decides_which_hours_apply_2330Z_on_a_summer_sunday_is_0030_monday_in_london()
    {
        var lateNight = OpenOnly(new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(0, 0), new TimeOnly(6, 0)));

        lateNight.IsOpen(Slot(At(2027, 6, 13, 23, 30), 20)).Should().BeTrue();
    }

    [Fact]
    public void A_slot_must_fit_in_one_opening_period_not_across_a_lunch_break()
    {
        var splitDay = OpenOnly(
            new OpeningPeriod(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(12, 0)),
            new OpeningPeriod(DayOfWeek.Tuesday, new TimeOnly(14, 0), new TimeOnly(18, 0)));

        splitDay.IsOpen(Slot(At(2026, 11, 24, 11, 40), 20)).Should().BeTrue();
        splitDay.IsOpen(Slot(At(2026, 11, 24, 11, 50), 20)).Should().BeFalse();
        splitDay.IsOpen(Slot(At(2026, 11, 24, 13, 0), 20)).Should().BeFalse();
        splitDay.IsOpen(Slot(At(2026, 11, 24, 14, 0), 20)).Should().BeTrue();
    }

    [Fact]
    public void A_slot_running_past_midnight_is_not_open_even_if_both_days_are() =>
        OpenOnly(
                new OpeningPeriod(DayOfWeek.Tuesday, new TimeOnly(20, 0), TimeOnly.MaxValue),
                new OpeningPeriod(DayOfWeek.Wednesday, new TimeOnly(0, 0), new TimeOnly(4, 0)))
            .IsOpen(Slot(At(2026, 11, 24, 23, 50), 20)).Should().BeFalse();

    [Fact]
    public void A_slot_ending_exactly_at_midnight_is_open_when_the_day_runs_to_midnight() =>
        OpenOnly(new OpeningPeriod(DayOfWeek.Tuesday, new TimeOnly(20, 0), TimeOnly.MaxValue))
            .IsOpen(Slot(At(2026, 11, 24, 23, 40), 20)).Should().BeTrue();

    // ---- CheckSlot -----------------------------------------------------------------------------------------

    [Fact]
    public void A_good_slot_breaks_no_rule() =>
        Rules.CheckSlot(Consultation, DrPatel, Slot(At(2026, 11, 25, 10, 0), 20), Now).Should().BeNull();

    [Fact]
    public void A_slot_not_lasting_as_long_as_the_type_is_refused() =>
        Rules.CheckSlot(Consultation, DrPatel, Slot(At(2026, 11, 25, 10, 0), 30), Now).Should().Be(BookingErrors.WrongDuration);

    [Fact]
    public void An_unsuitable_resource_is_reported_before_anything_else() =>
        Rules.CheckSlot(Consultation, VaccinationRoom, Slot(At(2026, 11, 29, 3, 0), 45), Now).Should().Be(BookingErrors.ResourceNotSuitable);

    [Fact]
    public void The_lead_time_is_inclusive_at_exactly_two_hours() =>
        (Rules.CheckSlot(Consultation, DrPatel, Slot(Now.AddHours(2), 20), Now),
         Rules.CheckSlot(Consultation, DrPatel, Slot(Now.AddHours(2).AddTicks(-1), 20), Now))
            .Should().Be(((BookingError?)null, BookingErrors.InsideLeadTime));

    [Fact]
    public void The_horizon_is_inclusive_at_exactly_sixty_days() =>
        (Rules.CheckSlot(Consultation, DrPatel, Slot(Now.AddDays(60), 20), Now),
         Rules.CheckSlot(Consultation, DrPatel, Slot(Now.AddDays(60).AddTicks(1), 20), Now))
            .Should().Be(((BookingError?)null, BookingErrors.BeyondHorizon));

    [Fact]
    public void A_slot_touching_a_blocked_time_at_either_end_is_not_blocked() =>
        (Rules.CheckSlot(Consultation, DrOkafor, Slot(At(2026, 11, 25, 12, 40), 20), Now),
         Rules.CheckSlot(Consultation, DrOkafor, Slot(At(2026, 11, 25, 15, 0), 20), Now))
            .Should().Be(((BookingError?)null, (BookingError?)null));

    [Fact]
    public void A_slot_overlapping_a_blocked_time_by_one_minute_is_blocked() =>
        Rules.CheckSlot(Consultation, DrOkafor, Slot(At(2026, 11, 25, 14, 59), 20), Now).Should().Be(BookingErrors.Blocked);

    [Fact]
    public void A_closure_blocks_every_resource() =>
        Rules.Resources.Select(r => Rules.CheckSlot(Vaccination with { Resources = new HashSet<ResourceId> { r.Id } }, r.Id, Slot(At(2026, 12, 25, 10, 0), 15), Now))
            .Should().AllBeEquivalentTo(BookingErrors.Blocked);

    [Fact]
    public void Unknown_types_are_not_found() =>
        (Rules.FindType(Consultation.Id), Rules.FindType(UnknownType)).Should().Be((Consultation, (AppointmentType?)null));

    // ---- OutsideCancellationWindow -------------------------------------------------------------------------

    [Fact]
    public void Exactly_24h_before_the_start_is_still_outside_the_window() =>
        Rules.OutsideCancellationWindow(At(2026, 11, 25, 10, 0), At(2026, 11, 24, 10, 0)).Should().BeTrue();

    [Fact]
    public void One_tick_later_is_inside_the_window() =>
        Rules.OutsideCancellationWindow(At(2026, 11, 25, 10, 0), At(2026, 11, 24, 10, 0).AddTicks(1)).Should().BeFalse();

    [Fact]
    public void After_the_start_is_inside_the_window() =>
        Rules.OutsideCancellationWindow(At(2026, 11, 25, 10, 0), At(2026, 11, 25, 11, 0)).Should().BeFalse();

    [Fact]
    public void A_slot_across_the_autumn_clock_change_is_open_at_a_clinic_open_all_night_and_one_past_closing_is_not()
    {
        // Sunday 25 October 2026, London: 01:50 BST is 00:50Z, and 20 real minutes later it is 01:10 GMT.
        var allNight = Rules with { OpeningHours = [new OpeningPeriod(DayOfWeek.Sunday, TimeOnly.MinValue, TimeOnly.MaxValue)] };
        var untilTwo = Rules with { OpeningHours = [new OpeningPeriod(DayOfWeek.Sunday, TimeOnly.MinValue, new TimeOnly(2, 0))] };

        allNight.IsOpen(TimeSlot.Of(new DateTimeOffset(2026, 10, 25, 0, 50, 0, TimeSpan.Zero), TimeSpan.FromMinutes(20))).Should().BeTrue();
        allNight.IsOpen(TimeSlot.Of(new DateTimeOffset(2026, 10, 25, 3, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(20))).Should().BeTrue();
        untilTwo.IsOpen(TimeSlot.Of(new DateTimeOffset(2026, 10, 25, 1, 40, 0, TimeSpan.Zero), TimeSpan.FromMinutes(20))).Should().BeTrue("01:40–02:00 GMT");
        untilTwo.IsOpen(TimeSlot.Of(new DateTimeOffset(2026, 10, 25, 1, 50, 0, TimeSpan.Zero), TimeSpan.FromMinutes(20))).Should().BeFalse("it ends at 02:10 GMT");
        allNight.IsOpen(TimeSlot.Of(new DateTimeOffset(2026, 10, 25, 23, 50, 0, TimeSpan.Zero), TimeSpan.FromMinutes(20))).Should().BeFalse("it runs into Monday");
    }
}
