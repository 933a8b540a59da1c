using System.Text.Json;
using VetOS.Domain.Bookings;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.EventStore;

/// <summary>Events are kept forever: once written, an event's name and JSON shape never change. A change here breaks stored history.</summary>
public sealed class BookingEventWireFormTests
{
    private static readonly Guid Booking = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Other = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid Clinic = Guid.Parse("33333333-3333-3333-3333-333333333333");
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<object, string, string> Events => new()
    {
        { new AppointmentRequested(Booking, Other, Other, Other, Other, Other, Start, Start.AddMinutes(20), "owner:x", At), "booking.v1.requested",
          """{"bookingId":"11111111-1111-1111-1111-111111111111","clinicId":"22222222-2222-2222-2222-222222222222","ownerId":"22222222-2222-2222-2222-222222222222","petId":"22222222-2222-2222-2222-222222222222","appointmentTypeId":"22222222-2222-2222-2222-222222222222","resourceId":"22222222-2222-2222-2222-222222222222","start":"2026-11-24T10:00:00+00:00","end":"2026-11-24T10:20:00+00:00","by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""" },
        { new AppointmentConfirmed(Booking, "receptionist:y", At), "booking.v1.confirmed",
          """{"bookingId":"11111111-1111-1111-1111-111111111111","by":"receptionist:y","at":"2026-11-23T09:00:00+00:00"}""" },
        { new AppointmentDeclined(Booking, Other, "Fully booked", "receptionist:y", At, Clinic), "booking.v1.declined",
          """{"bookingId":"11111111-1111-1111-1111-111111111111","ownerId":"22222222-2222-2222-2222-222222222222","reason":"Fully booked","by":"receptionist:y","at":"2026-11-23T09:00:00+00:00","clinicId":"33333333-3333-3333-3333-333333333333"}""" },
        { new AppointmentRescheduled(Booking, Other, Start, Start.AddMinutes(20), Other, At, At.AddMinutes(20), "owner:x", At), "booking.v1.rescheduled",
          """{"bookingId":"11111111-1111-1111-1111-111111111111","resourceId":"22222222-2222-2222-2222-222222222222","start":"2026-11-24T10:00:00+00:00","end":"2026-11-24T10:20:00+00:00","previousResourceId":"22222222-2222-2222-2222-222222222222","previousStart":"2026-11-23T09:00:00+00:00","previousEnd":"2026-11-23T09:20:00+00:00","by":"owner:x","at":"2026-11-23T09:00:00+00:00","awaitsConfirmation":false}""" },
        { new AppointmentCancelled(Booking, Other, "Better", "owner:x", At, Clinic), "booking.v1.cancelled",
          """{"bookingId":"11111111-1111-1111-1111-111111111111","ownerId":"22222222-2222-2222-2222-222222222222","reason":"Better","by":"owner:x","at":"2026-11-23T09:00:00+00:00","clinicId":"33333333-3333-3333-3333-333333333333"}""" },
        { new AppointmentAttended(Booking, "vet:z", At), "booking.v1.attended",
          """{"bookingId":"11111111-1111-1111-1111-111111111111","by":"vet:z","at":"2026-11-23T09:00:00+00:00"}""" },
        { new AppointmentMissed(Booking, "vet:z", At), "booking.v1.no-show",
          """{"bookingId":"11111111-1111-1111-1111-111111111111","by":"vet:z","at":"2026-11-23T09:00:00+00:00"}""" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void A_booking_event_keeps_its_name_and_json_shape(object domainEvent, string name, string json)
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(AppointmentRequested).Assembly);

        registry.For(domainEvent.GetType()).Name.Should().Be(name);
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), EventSerializer.Json).Should().Be(json);
    }

    [Fact]
    public void A_rescheduled_event_written_before_it_could_await_confirmation_still_reads()
    {
        const string stored = """{"bookingId":"11111111-1111-1111-1111-111111111111","resourceId":"22222222-2222-2222-2222-222222222222","start":"2026-11-24T10:00:00+00:00","end":"2026-11-24T10:20:00+00:00","previousResourceId":"22222222-2222-2222-2222-222222222222","previousStart":"2026-11-23T09:00:00+00:00","previousEnd":"2026-11-23T09:20:00+00:00","by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""";

        JsonSerializer.Deserialize<AppointmentRescheduled>(stored, EventSerializer.Json)!.AwaitsConfirmation.Should().BeFalse();
    }

    [Fact]
    public void A_cancellation_written_before_it_named_its_clinic_still_reads()
    {
        const string stored = """{"bookingId":"11111111-1111-1111-1111-111111111111","ownerId":"22222222-2222-2222-2222-222222222222","reason":"Better","by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""";

        JsonSerializer.Deserialize<AppointmentCancelled>(stored, EventSerializer.Json).Should().Be(new AppointmentCancelled(Booking, Other, "Better", "owner:x", At));
    }

    [Fact]
    public void Reasons_given_for_declining_or_cancelling_are_personal_data_of_the_owner_at_the_clinic()
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(AppointmentRequested).Assembly);

        registry.For(typeof(AppointmentCancelled)).Should().Match<EventShape>(s => s.SubjectField == "ownerId" && s.ControllerField == "clinicId" && s.PersonalFields.SequenceEqual(new[] { "reason" }));
        registry.For(typeof(AppointmentDeclined)).PersonalFields.Should().Equal("reason");
    }
}
