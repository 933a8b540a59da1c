using VetOS.Domain.Bookings;
using static VetOS.Domain.Tests.Bookings.Appointments;
using static VetOS.Domain.Tests.Bookings.BookingSpec;
using static VetOS.Domain.Tests.Bookings.Clients;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>Alice's confirmed Consultation is on Wednesday 2026-11-25 10:00Z–10:20Z.</summary>
public sealed class AttendanceAndNoShow
{
    [Fact]
    public void Vet_marks_a_confirmed_appointment_attended_once_it_has_started() =>
        Given(ConfirmedAppointment())
            .When(MarkAttended(Vet, WednesdayTen.AddMinutes(25)))
            .Then(new AppointmentAttended(TheBooking.Value, Vet.Tag, WednesdayTen.AddMinutes(25)));

    [Fact]
    public void May_mark_attended_at_the_very_start() =>
        Given(ConfirmedAppointment())
            .When(MarkAttended(Receptionist, WednesdayTen))
            .Then(new AppointmentAttended(TheBooking.Value, Receptionist.Tag, WednesdayTen));

    [Fact]
    public void Receptionist_marks_a_confirmed_appointment_a_no_show_once_it_has_started() =>
        Given(ConfirmedAppointment())
            .When(MarkNoShow(Receptionist, WednesdayTen.AddMinutes(15)))
            .Then(new AppointmentMissed(TheBooking.Value, Receptionist.Tag, WednesdayTen.AddMinutes(15)));

    [Fact]
    public void Cannot_mark_attended_before_the_start() =>
        Given(ConfirmedAppointment())
            .When(MarkAttended(Vet, WednesdayTen.AddSeconds(-1)))
            .ThenFails(BookingErrors.NotStarted);

    [Fact]
    public void Cannot_mark_a_no_show_before_the_start() =>
        Given(ConfirmedAppointment())
            .When(MarkNoShow(Vet, WednesdayTen.AddSeconds(-1)))
            .ThenFails(BookingErrors.NotStarted);

    [Fact]
    public void The_start_that_counts_is_the_rescheduled_one() =>
        Given([.. ConfirmedAppointment(), new AppointmentRescheduled(TheBooking.Value, DrPatel.Value, ThursdayTwo, ThursdayTwo.AddMinutes(20),
            DrPatel.Value, WednesdayTen, WednesdayTen.AddMinutes(20), AliceActing.Tag, BookedAt)])
            .When(MarkAttended(Vet, WednesdayTen.AddMinutes(5)))
            .ThenFails(BookingErrors.NotStarted);

    [Fact]
    public void Owner_cannot_mark_their_appointment_attended() =>
        Given(ConfirmedAppointment())
            .When(MarkAttended(AliceActing, WednesdayTen.AddMinutes(5)))
            .ThenFails(BookingErrors.StaffOnly);

    [Fact]
    public void Owner_cannot_mark_their_appointment_a_no_show() =>
        Given(ConfirmedAppointment())
            .When(MarkNoShow(AliceActing, WednesdayTen.AddMinutes(5)))
            .ThenFails(BookingErrors.StaffOnly);

    [Fact]
    public void Cannot_mark_attended_a_request_never_confirmed() =>
        Given(AwaitingConfirmation())
            .When(MarkAttended(Vet, WednesdayTen.AddMinutes(5)))
            .ThenFails(BookingErrors.NotConfirmed);

    [Fact]
    public void Cannot_mark_a_no_show_on_a_request_never_confirmed() =>
        Given(AwaitingConfirmation())
            .When(MarkNoShow(Vet, WednesdayTen.AddMinutes(5)))
            .ThenFails(BookingErrors.NotConfirmed);
}
