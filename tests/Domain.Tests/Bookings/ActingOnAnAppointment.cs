using VetOS.Domain.Bookings;
using static VetOS.Domain.Tests.Bookings.Appointments;
using static VetOS.Domain.Tests.Bookings.BookingSpec;
using static VetOS.Domain.Tests.Bookings.Clients;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>Rules that come before any command's own: the appointment exists, is still live, and is the actor's to change.</summary>
public sealed class ActingOnAnAppointment
{
    private static readonly DateTimeOffset DuringTheAppointment = WednesdayTen.AddMinutes(5);

    // ---- Missing -------------------------------------------------------------------------------------------

    [Fact]
    public void Cannot_confirm_a_missing_appointment() =>
        Given().When(Confirm(Receptionist)).ThenFails(BookingErrors.NotFound);

    [Fact]
    public void Cannot_decline_a_missing_appointment() =>
        Given().When(Decline(Receptionist)).ThenFails(BookingErrors.NotFound);

    [Fact]
    public void Cannot_reschedule_a_missing_appointment() =>
        Given().When(Reschedule(AliceActing, ThursdayTwo)).ThenFails(BookingErrors.NotFound);

    [Fact]
    public void Cannot_cancel_a_missing_appointment() =>
        Given().When(Cancel(AliceActing)).ThenFails(BookingErrors.NotFound);

    [Fact]
    public void Cannot_mark_attended_a_missing_appointment() =>
        Given().When(MarkAttended(Vet, DuringTheAppointment)).ThenFails(BookingErrors.NotFound);

    [Fact]
    public void Cannot_mark_a_no_show_on_a_missing_appointment() =>
        Given().When(MarkNoShow(Vet, DuringTheAppointment)).ThenFails(BookingErrors.NotFound);

    // ---- Finished ------------------------------------------------------------------------------------------

    [Fact]
    public void An_attended_appointment_cannot_be_cancelled() =>
        Given(Attended()).When(Cancel(Receptionist, now: WednesdayTen.AddHours(1))).ThenFails(BookingErrors.Finished);

    [Fact]
    public void An_attended_appointment_cannot_then_be_a_no_show() =>
        Given(Attended()).When(MarkNoShow(Vet, WednesdayTen.AddHours(1))).ThenFails(BookingErrors.Finished);

    [Fact]
    public void A_no_show_cannot_be_rescheduled() =>
        Given(NoShow()).When(Reschedule(Receptionist, At(2026, 11, 26, 14, 0), now: WednesdayTen.AddHours(1))).ThenFails(BookingErrors.Finished);

    [Fact]
    public void A_no_show_cannot_then_be_attended() =>
        Given(NoShow()).When(MarkAttended(Vet, WednesdayTen.AddHours(1))).ThenFails(BookingErrors.Finished);

    [Fact]
    public void A_cancelled_appointment_cannot_be_rescheduled() =>
        Given(Cancelled()).When(Reschedule(AliceActing, ThursdayTwo)).ThenFails(BookingErrors.Finished);

    [Fact]
    public void A_cancelled_appointment_cannot_be_cancelled_again() =>
        Given(Cancelled()).When(Cancel(Receptionist)).ThenFails(BookingErrors.Finished);

    [Fact]
    public void A_cancelled_appointment_cannot_be_attended() =>
        Given(Cancelled()).When(MarkAttended(Vet, DuringTheAppointment)).ThenFails(BookingErrors.Finished);

    [Fact]
    public void A_declined_request_cannot_then_be_confirmed() =>
        Given(Declined()).When(Confirm(Receptionist)).ThenFails(BookingErrors.Finished);

    [Fact]
    public void A_declined_request_cannot_be_rescheduled_by_its_owner() =>
        Given(Declined()).When(Reschedule(AliceActing, ThursdayTwo)).ThenFails(BookingErrors.Finished);

    // ---- Not yours -----------------------------------------------------------------------------------------

    [Fact]
    public void An_owner_cannot_cancel_another_owners_appointment() =>
        Given(ConfirmedAppointment()).When(Cancel(BobActing)).ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Another_owner_learns_nothing_of_a_finished_appointment_not_even_that_it_is_finished() =>
        Given(Cancelled()).When(Cancel(BobActing)).ThenFails(BookingErrors.NotYours);

    [Fact]
    public void An_owner_cannot_reschedule_another_owners_appointment() =>
        Given(ConfirmedAppointment()).When(Reschedule(BobActing, ThursdayTwo)).ThenFails(BookingErrors.NotYours);

    [Fact]
    public void A_staff_member_acting_as_an_owner_is_not_that_owner() =>
        Given(ConfirmedAppointment()).When(Cancel(new Actor(Alice.Value, ActorRole.Receptionist, OtherClinic))).ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Staff_of_another_clinic_cannot_cancel() =>
        Given(ConfirmedAppointment()).When(Cancel(ReceptionistOfAnotherClinic)).ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Staff_of_another_clinic_cannot_reschedule() =>
        Given(ConfirmedAppointment()).When(Reschedule(ReceptionistOfAnotherClinic, ThursdayTwo)).ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Staff_of_another_clinic_cannot_mark_attended() =>
        Given(ConfirmedAppointment()).When(MarkAttended(ReceptionistOfAnotherClinic, DuringTheAppointment)).ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Staff_of_another_clinic_cannot_mark_a_no_show() =>
        Given(ConfirmedAppointment()).When(MarkNoShow(ReceptionistOfAnotherClinic, DuringTheAppointment)).ThenFails(BookingErrors.NotYours);

    // ---- Every event says who and when ---------------------------------------------------------------------

    public static TheoryData<string> Scenarios() =>
    [
        "request", "staff request", "confirm", "decline", "reschedule", "cancel", "attended", "no-show",
    ];

    private static (IBookingEvent[] History, BookingCommand Command) Scenario(string name) => name switch
    {
        "request" => ([], Request(WednesdayTen, by: AliceActing, now: Now.AddMinutes(7))),
        "staff request" => ([], Request(WednesdayTen, by: Admin, now: Now.AddMinutes(7))),
        "confirm" => (AwaitingConfirmation(), Confirm(Vet, Now.AddMinutes(7))),
        "decline" => (AwaitingConfirmation(), Decline(Receptionist, now: Now.AddMinutes(7))),
        "reschedule" => (ConfirmedAppointment(), Reschedule(AliceActing, ThursdayTwo, now: Now.AddMinutes(7))),
        "cancel" => (ConfirmedAppointment(), Cancel(Receptionist, now: Now.AddMinutes(7))),
        "attended" => (ConfirmedAppointment(), MarkAttended(Vet, DuringTheAppointment)),
        "no-show" => (ConfirmedAppointment(), MarkNoShow(Receptionist, DuringTheAppointment)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_event_carries_the_actors_tag_as_By_and_the_commands_now_as_At(string scenario)
    {
        var (history, command) = Scenario(scenario);

        var decision = Given(history).When(command).Decision;

        decision.IsRefused.Should().BeFalse();
        decision.Events.Should().NotBeEmpty().And.AllSatisfy(e =>
        {
            e.GetType().GetProperty("By")!.GetValue(e).Should().Be(command.By.Tag, "{0} records who acted", e.GetType().Name);
            e.GetType().GetProperty("At")!.GetValue(e).Should().Be(command.Now, "{0} records when", e.GetType().Name);
            e.GetType().GetProperty("BookingId")!.GetValue(e).Should().Be(TheBooking.Value);
        });
    }
}
