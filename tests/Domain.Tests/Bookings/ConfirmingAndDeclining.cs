using VetOS.Domain.Bookings;
using static VetOS.Domain.Tests.Bookings.Appointments;
using static VetOS.Domain.Tests.Bookings.BookingSpec;
using static VetOS.Domain.Tests.Bookings.Clients;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>Alice has asked for a Surgery consult (request only) with Dr Patel on Wednesday 10:00Z; now is Monday 09:00Z.</summary>
public sealed class ConfirmingAndDeclining
{
    [Fact]
    public void Receptionist_confirms_a_requested_appointment() =>
        Given(AwaitingConfirmation())
            .When(Confirm(Receptionist))
            .Then(new AppointmentConfirmed(TheBooking.Value, Receptionist.Tag, Now));

    [Fact]
    public void Vet_confirms_a_requested_appointment() =>
        Given(AwaitingConfirmation())
            .When(Confirm(Vet))
            .Then(new AppointmentConfirmed(TheBooking.Value, Vet.Tag, Now));

    [Fact]
    public void Owner_cannot_confirm_their_own_request() =>
        Given(AwaitingConfirmation())
            .When(Confirm(AliceActing))
            .ThenFails(BookingErrors.StaffOnly);

    [Fact]
    public void Cannot_confirm_an_appointment_already_confirmed() =>
        Given(ConfirmedAppointment())
            .When(Confirm(Receptionist))
            .ThenFails(BookingErrors.NotRequested);

    [Fact]
    public void Staff_decline_a_request_and_the_reason_is_recorded() =>
        Given(AwaitingConfirmation())
            .When(Decline(Receptionist, "Dr Patel is on leave that week"))
            .Then(new AppointmentDeclined(TheBooking.Value, Alice.Value, "Dr Patel is on leave that week", Receptionist.Tag, Now, Clinic.Id.Value));

    [Fact]
    public void Owner_cannot_decline_their_own_request() =>
        Given(AwaitingConfirmation())
            .When(Decline(AliceActing))
            .ThenFails(BookingErrors.StaffOnly);

    [Fact]
    public void Cannot_decline_an_appointment_already_confirmed() =>
        Given(ConfirmedAppointment())
            .When(Decline(Receptionist))
            .ThenFails(BookingErrors.NotRequested);

    [Fact]
    public void Staff_of_another_clinic_cannot_confirm() =>
        Given(AwaitingConfirmation())
            .When(Confirm(ReceptionistOfAnotherClinic))
            .ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Staff_of_another_clinic_cannot_decline() =>
        Given(AwaitingConfirmation())
            .When(Decline(ReceptionistOfAnotherClinic))
            .ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Another_owner_cannot_confirm() =>
        Given(AwaitingConfirmation())
            .When(Confirm(BobActing))
            .ThenFails(BookingErrors.NotYours);

    [Fact]
    public void A_confirmed_request_can_then_be_attended() =>
        Given([.. AwaitingConfirmation(), Confirmed(Receptionist, Now)])
            .When(MarkAttended(Vet, WednesdayTen.AddMinutes(5)))
            .Then(new AppointmentAttended(TheBooking.Value, Vet.Tag, WednesdayTen.AddMinutes(5)));

    [Fact]
    public void Cannot_confirm_a_request_whose_time_has_passed() =>
        Given(AwaitingConfirmation())
            .When(Confirm(Receptionist, WednesdayTen.AddMinutes(1)))
            .ThenFails(BookingErrors.StartPassed);
}
