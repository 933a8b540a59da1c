using VetOS.Domain.Bookings;
using static VetOS.Domain.Tests.Bookings.Appointments;
using static VetOS.Domain.Tests.Bookings.BookingSpec;
using static VetOS.Domain.Tests.Bookings.Clients;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>
/// Alice's Consultation with Dr Patel is on Wednesday 2026-11-25 10:00Z (49 h away) unless a fact says otherwise;
/// now is Monday 2026-11-23 09:00Z. The cancellation window is 24 h.
/// </summary>
public sealed class Rescheduling
{
    private static AppointmentRescheduled Moved(
        DateTimeOffset from, DateTimeOffset to, Actor by, DateTimeOffset? now = null,
        ResourceId? fromResource = null, ResourceId? toResource = null, TimeSpan? duration = null)
    {
        var length = duration ?? Consultation.Duration;
        return new AppointmentRescheduled(
            TheBooking.Value, (toResource ?? DrPatel).Value, to, to + length,
            (fromResource ?? DrPatel).Value, from, from + length, by.Tag, now ?? Now);
    }

    [Fact]
    public void Owner_reschedules_outside_the_window_and_the_event_carries_the_previous_and_the_new_slot() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, ThursdayTwo))
            .Then(new AppointmentRescheduled(
                TheBooking.Value,
                DrPatel.Value, ThursdayTwo, ThursdayTwo.AddMinutes(20),
                DrPatel.Value, WednesdayTen, WednesdayTen.AddMinutes(20),
                AliceActing.Tag, Now));

    [Fact]
    public void Owner_may_move_to_another_suitable_vet_at_the_same_time() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, WednesdayTen, DrOkafor))
            .Then(Moved(WednesdayTen, WednesdayTen, AliceActing, toResource: DrOkafor));

    [Fact]
    public void Owner_may_reschedule_exactly_24h_before_the_start() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, ThursdayTwo, now: At(2026, 11, 24, 10, 0)))
            .Then(Moved(WednesdayTen, ThursdayTwo, AliceActing, At(2026, 11, 24, 10, 0)));

    [Fact]
    public void Owner_cannot_reschedule_one_second_inside_the_window() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, ThursdayTwo, now: At(2026, 11, 24, 10, 0, 1)))
            .ThenFails(BookingErrors.InsideCancellationWindow);

    [Fact]
    public void Owner_cannot_reschedule_inside_the_window_23h30_before_the_start() =>
        Given(ConfirmedAppointment(TuesdayEightThirty))
            .When(Reschedule(AliceActing, ThursdayTwo))
            .ThenFails(BookingErrors.InsideCancellationWindow);

    [Fact]
    public void Staff_may_reschedule_inside_the_window() =>
        Given(ConfirmedAppointment(TuesdayEightThirty))
            .When(Reschedule(Receptionist, ThursdayTwo))
            .Then(Moved(TuesdayEightThirty, ThursdayTwo, Receptionist));

    [Fact]
    public void Owner_may_move_a_request_still_awaiting_the_clinic_and_it_stays_a_request() =>
        Given(AwaitingConfirmation())
            .When(Reschedule(AliceActing, ThursdayTwo))
            .Then(Moved(WednesdayTen, ThursdayTwo, AliceActing, duration: SurgeryConsult.Duration));

    [Fact]
    public void The_new_slot_lasts_as_long_as_the_booked_type_fifteen_minutes_for_a_vaccination() =>
        Given(Requested(type: Vaccination, resource: VaccinationRoom), Confirmed(AliceActing))
            .When(Reschedule(AliceActing, ThursdayTwo, VaccinationRoom))
            .Then(Moved(WednesdayTen, ThursdayTwo, AliceActing, fromResource: VaccinationRoom, toResource: VaccinationRoom, duration: TimeSpan.FromMinutes(15)));

    [Fact]
    public void A_rescheduled_appointment_moves_on_from_its_new_slot() =>
        Given([.. ConfirmedAppointment(), Moved(WednesdayTen, ThursdayTwo, AliceActing, BookedAt)])
            .When(Reschedule(AliceActing, WednesdayTen))
            .Then(Moved(ThursdayTwo, WednesdayTen, AliceActing));

    [Fact]
    public void The_window_runs_from_the_current_slot_after_a_reschedule() =>
        Given([.. ConfirmedAppointment(), Moved(WednesdayTen, TuesdayEightThirty, Receptionist, BookedAt)])
            .When(Reschedule(AliceActing, ThursdayTwo))
            .ThenFails(BookingErrors.InsideCancellationWindow);

    // ---- Same slot -------------------------------------------------------------------------------------------

    [Fact]
    public void Cannot_reschedule_to_the_same_slot_with_the_same_vet() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, WednesdayTen, DrPatel))
            .ThenFails(BookingErrors.SameSlot);

    [Fact]
    public void The_same_instant_written_with_another_offset_is_the_same_slot() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, WednesdayTen.ToOffset(TimeSpan.FromHours(2)), DrPatel))
            .ThenFails(BookingErrors.SameSlot);

    [Fact]
    public void Staff_cannot_reschedule_to_the_same_slot_either() =>
        Given(ConfirmedAppointment(TuesdayEightThirty))
            .When(Reschedule(Receptionist, TuesdayEightThirty, DrPatel))
            .ThenFails(BookingErrors.SameSlot);

    // ---- The new slot obeys the booking rules ------------------------------------------------------------

    [Fact]
    public void Cannot_reschedule_outside_opening_hours_to_a_sunday() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, At(2026, 11, 29, 10, 0)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void Cannot_reschedule_to_straddle_closing() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, At(2026, 11, 26, 17, 50)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void Cannot_reschedule_into_the_vets_blocked_time() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, At(2026, 11, 25, 14, 0), DrOkafor))
            .ThenFails(BookingErrors.Blocked);

    [Fact]
    public void Cannot_reschedule_onto_a_clinic_closure_day() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, At(2026, 12, 25, 10, 0)))
            .ThenFails(BookingErrors.Blocked);

    [Fact]
    public void Cannot_reschedule_inside_the_lead_time() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, At(2026, 11, 23, 10, 0)))
            .ThenFails(BookingErrors.InsideLeadTime);

    [Fact]
    public void Cannot_reschedule_beyond_the_horizon() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, At(2027, 1, 25, 10, 0)))
            .ThenFails(BookingErrors.BeyondHorizon);

    [Fact]
    public void Cannot_reschedule_to_a_resource_that_does_not_take_the_type() =>
        Given(ConfirmedAppointment())
            .When(Reschedule(AliceActing, ThursdayTwo, VaccinationRoom))
            .ThenFails(BookingErrors.ResourceNotSuitable);

    [Fact]
    public void Staff_rescheduling_inside_the_window_still_cannot_pick_a_closed_slot() =>
        Given(ConfirmedAppointment(TuesdayEightThirty))
            .When(Reschedule(Receptionist, At(2026, 11, 29, 10, 0)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void Cannot_reschedule_an_appointment_of_a_type_the_clinic_no_longer_offers() =>
        Given(ConfirmedAppointment())
            .Under(Rules with { AppointmentTypes = [Vaccination, SurgeryConsult] })
            .When(Reschedule(AliceActing, ThursdayTwo))
            .ThenFails(BookingErrors.UnknownAppointmentType);

    [Fact]
    public void Owner_moving_a_confirmed_appointment_the_clinic_confirms_itself_sends_it_back_for_confirmation() =>
        Given([.. AwaitingConfirmation(), Confirmed()])
            .When(Reschedule(AliceActing, ThursdayTwo))
            .Then(Moved(WednesdayTen, ThursdayTwo, AliceActing, duration: SurgeryConsult.Duration) with { AwaitsConfirmation = true });

    [Fact]
    public void Staff_moving_such_an_appointment_keep_it_confirmed() =>
        Given([.. AwaitingConfirmation(), Confirmed()])
            .When(Reschedule(Receptionist, ThursdayTwo))
            .Then(Moved(WednesdayTen, ThursdayTwo, Receptionist, duration: SurgeryConsult.Duration));

    [Fact]
    public void A_moved_appointment_awaiting_confirmation_is_requested_again()
    {
        var state = Appointment.From([.. AwaitingConfirmation(), Confirmed(),
            Moved(WednesdayTen, ThursdayTwo, AliceActing, duration: SurgeryConsult.Duration) with { AwaitsConfirmation = true }]);

        state.Status.Should().Be(AppointmentStatus.Requested);
        state.Slot.Start.Should().Be(ThursdayTwo);
    }
}
