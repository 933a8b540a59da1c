using System.Net;
using System.Net.Http.Json;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Projections;
using VetOS.Web.Bookings;
using static VetOS.Web.Tests.Bookings.BookingClient;

namespace VetOS.Web.Tests.Bookings;

/// <summary>An appointment's life after booking: cancellation windows and rebuilding what it looks like.</summary>
public sealed class AppointmentLifecycleTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private readonly HttpClient owner = app.ClientAs(DemoOwner);
    private readonly HttpClient staff = app.ClientAs(Receptionist);

    [Fact]
    public async Task Inside_the_cancellation_window_the_owner_is_refused_with_the_rule_and_staff_may_still_cancel()
    {
        // Booked on Monday 09:00 for Tuesday 08:30: already inside the 24-hour window.
        var booked = await owner.BookOk(DemoClinic.Consultation, DemoClinic.DrOkafor, Tuesday(8, 30));

        var byOwner = await owner.Change(booked.Id, "cancel", new { reason = "Can't make it" });
        var byStaff = await staff.Change(booked.Id, "cancel", new { reason = "Owner phoned" });

        byOwner.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await byOwner.RuleOf()).Should().Be("inside-cancellation-window");
        byStaff.StatusCode.Should().Be(HttpStatusCode.OK);
        (await byStaff.Content.ReadFromJsonAsync<BookingResponse>())!.Status.Should().Be("cancelled");
    }

    [Fact]
    public async Task Rebuilding_the_appointments_projection_from_zero_gives_the_same_read_model()
    {
        await owner.BookOk(DemoClinic.Consultation, DemoClinic.DrLind, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var requested = await owner.BookOk(DemoClinic.DentalCheck, DemoClinic.DrOkafor, new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero));
        await staff.Change(requested.Id, "decline", new { reason = "Fully booked" });
        const string snapshot = "select coalesce(string_agg(id || ':' || status || ':' || revision || ':' || starts_at, ',' order by id), '') from booking.appointments";
        var before = await Eventually.Until(() => app.Database.ScalarAsync<string>(snapshot), s => s.Contains($"{requested.Id}:declined"));

        await app.Services.GetRequiredService<ProjectionRunner>().RebuildAsync("appointments");
        var after = await Eventually.Until(() => app.Database.ScalarAsync<string>(snapshot), s => s == before, because: "the rebuilt read model to match");

        after.Should().Be(before);
    }
}

/// <summary>This test moves the host's clock forward, so it has a host of its own.</summary>
public sealed class AttendanceTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private readonly HttpClient owner = app.ClientAs(DemoOwner);
    private readonly HttpClient staff = app.ClientAs(Receptionist);

    [Fact]
    public async Task Attendance_is_marked_once_the_appointment_starts_and_a_finished_appointment_no_longer_changes()
    {
        var attended = await owner.BookOk(DemoClinic.Consultation, DemoClinic.DrReilly, Tuesday(13));
        var missed = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.NurseRoom, Tuesday(13), DemoClinic.Miso);

        var early = await staff.Change(attended.Id, "attended");
        app.Clock.SetUtcNow(Tuesday(13, 5));
        var onTime = await staff.Change(attended.Id, "attended");
        var noShow = await staff.Change(missed.Id, "no-show");
        var cancelAfter = await staff.Change(attended.Id, "cancel");

        (await early.RuleOf()).Should().Be("not-started");
        (await onTime.Content.ReadFromJsonAsync<BookingResponse>())!.Status.Should().Be("attended");
        (await noShow.Content.ReadFromJsonAsync<BookingResponse>())!.Status.Should().Be("no-show");
        cancelAfter.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await cancelAfter.RuleOf()).Should().Be("appointment-finished");
    }
}
