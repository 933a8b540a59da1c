using VetOS.Domain.Bookings;
using static VetOS.Domain.Tests.Bookings.Appointments;
using static VetOS.Domain.Tests.Bookings.BookingSpec;
using static VetOS.Domain.Tests.Bookings.Clients;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>Alice's Consultation is on Wednesday 2026-11-25 10:00Z unless a fact says otherwise; now is Monday 09:00Z; the window is 24 h.</summary>
public sealed class Cancelling
{
    [Fact]
    public void Owner_cancels_outside_the_window_and_the_reason_is_recorded() =>
        Given(ConfirmedAppointment())
            .When(Cancel(AliceActing, "Rex is feeling better"))
            .Then(new AppointmentCancelled(TheBooking.Value, Alice.Value, "Rex is feeling better", AliceActing.Tag, Now, Clinic.Id.Value));

    [Fact]
    public void Owner_withdraws_a_request_still_awaiting_the_clinic() =>
        Given(AwaitingConfirmation())
            .When(Cancel(AliceActing, "Changed my mind"))
            .Then(new AppointmentCancelled(TheBooking.Value, Alice.Value, "Changed my mind", AliceActing.Tag, Now, Clinic.Id.Value));

    [Fact]
    public void Owner_may_cancel_exactly_24h_before_the_start() =>
        Given(ConfirmedAppointment())
            .When(Cancel(AliceActing, now: At(2026, 11, 24, 10, 0)))
            .Then(new AppointmentCancelled(TheBooking.Value, Alice.Value, "Rex is better", AliceActing.Tag, At(2026, 11, 24, 10, 0), Clinic.Id.Value));

    [Fact]
    public void Cannot_cancel_one_second_inside_the_window() =>
        Given(ConfirmedAppointment())
            .When(Cancel(AliceActing, now: At(2026, 11, 24, 10, 0, 1)))
            .ThenFails(BookingErrors.InsideCancellationWindow);

    [Fact]
    public void Owner_withdraws_a_request_the_clinic_has_not_confirmed_even_inside_the_window() =>
        Given(AwaitingConfirmation(TuesdayEightThirty))
            .When(Cancel(AliceActing, "Found an earlier slot elsewhere"))
            .Then(new AppointmentCancelled(TheBooking.Value, Alice.Value, "Found an earlier slot elsewhere", AliceActing.Tag, Now, Clinic.Id.Value));

    [Fact]
    public void Cannot_cancel_inside_the_window() =>
        Given(ConfirmedAppointment(TuesdayEightThirty))
            .When(Cancel(AliceActing))
            .ThenFails(BookingErrors.InsideCancellationWindow);

    [Fact]
    public void Staff_may_cancel_inside_the_window() =>
        Given(ConfirmedAppointment(TuesdayEightThirty))
            .When(Cancel(Receptionist, "Vet called in sick"))
            .Then(new AppointmentCancelled(TheBooking.Value, Alice.Value, "Vet called in sick", Receptionist.Tag, Now, Clinic.Id.Value));

    [Fact]
    public void Staff_may_cancel_outside_the_window() =>
        Given(ConfirmedAppointment())
            .When(Cancel(Vet, "Owner phoned"))
            .Then(new AppointmentCancelled(TheBooking.Value, Alice.Value, "Owner phoned", Vet.Tag, Now, Clinic.Id.Value));

    [Fact]
    public void Staff_may_cancel_even_after_the_start() =>
        Given(ConfirmedAppointment())
            .When(Cancel(Receptionist, "Owner phoned from the car park", WednesdayTen.AddMinutes(5)))
            .Then(new AppointmentCancelled(TheBooking.Value, Alice.Value, "Owner phoned from the car park", Receptionist.Tag, WednesdayTen.AddMinutes(5), Clinic.Id.Value));
}
