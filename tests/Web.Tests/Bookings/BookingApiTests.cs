using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Bookings;
using static VetOS.Web.Tests.Bookings.BookingClient;

namespace VetOS.Web.Tests.Bookings;

public sealed class BookingApiTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private readonly HttpClient owner = app.ClientAs(DemoOwner);
    private readonly HttpClient staff = app.ClientAs(Receptionist);

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_owner_books_a_directly_bookable_appointment_and_it_is_confirmed_with_its_revision_as_ETag()
    {
        var response = await owner.Book(DemoClinic.Consultation, DemoClinic.DrOkafor, Tuesday(10));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var booked = (await response.Content.ReadFromJsonAsync<BookingResponse>())!;
        booked.Status.Should().Be("confirmed");
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        response.Headers.Location!.ToString().Should().Be($"/api/appointments/{booked.Id}");

        var read = await owner.GetAsync(response.Headers.Location);
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var appointment = (await read.Content.ReadFromJsonAsync<AppointmentState>(ApiJson.Options))!;
        appointment.Start.Should().Be(Tuesday(10));
        appointment.End.Should().Be(Tuesday(10, 20));
        appointment.ResourceId.Should().Be(DemoClinic.DrOkafor);
    }

    [Fact]
    public async Task The_owners_list_shows_the_appointment_with_pet_type_clinic_and_status_once_projected()
    {
        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.NurseRoom, Tuesday(11), DemoClinic.Miso);

        var mine = await Eventually.Until(
            () => owner.GetFromJsonAsync<MyAppointments>("/api/appointments/mine")!,
            m => m!.Upcoming.Any(a => a.Id == booked.Id), because: "the projection to show the booking");

        var listed = mine!.Upcoming.Single(a => a.Id == booked.Id);
        (listed.PetName, listed.Species, listed.AppointmentType, listed.ClinicName, listed.Resource, listed.Status)
            .Should().Be(("Miso", "cat", "Vaccination", DemoClinic.Name, "Nurse room", "confirmed"));
        listed.ChangedBy.Should().Be(DemoOwner.Tag);
    }

    [Fact]
    public async Task A_request_only_type_waits_for_staff_who_confirm_it()
    {
        var requested = await owner.BookOk(DemoClinic.DentalCheck, DemoClinic.DrOkafor, Tuesday(14));
        requested.Status.Should().Be("requested");

        var confirmed = await staff.Change(requested.Id, "confirm", ifMatch: requested.Revision);

        confirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await confirmed.Content.ReadFromJsonAsync<BookingResponse>())!.Should().Be(new BookingResponse(requested.Id, "confirmed", 1));
        confirmed.Headers.ETag!.Tag.Should().Be("\"1\"");
    }

    [Fact]
    public async Task Staff_decline_a_request_with_a_reason_and_the_slot_is_free_again()
    {
        var requested = await owner.BookOk(DemoClinic.DentalCheck, DemoClinic.DrOkafor, Tuesday(15));

        var declined = await staff.Change(requested.Id, "decline", new { reason = "Dr Okafor is away that afternoon" });

        (await declined.Content.ReadFromJsonAsync<BookingResponse>())!.Status.Should().Be("declined");
        var slots = await owner.FreeSlots(DemoClinic.DentalCheck, new DateOnly(2026, 11, 24), days: 1);
        slots.Should().Contain(s => s.Start == Tuesday(15) && s.ResourceId == DemoClinic.DrOkafor);
    }

    [Fact]
    public async Task Free_slots_respect_opening_hours_and_lose_a_booked_slot_with_its_buffer()
    {
        var before = await owner.FreeSlots(DemoClinic.Consultation, new DateOnly(2026, 11, 23), resource: DemoClinic.DrReilly);
        before.Should().NotBeEmpty();
        before.Should().OnlyContain(s => s.Start >= app.Clock.GetUtcNow().AddHours(2), "the lead time is two hours");
        before.Should().NotContain(s => s.Start.DayOfWeek == DayOfWeek.Sunday);
        before.Should().NotContain(s => s.Start.DayOfWeek == DayOfWeek.Saturday && s.End > s.Start.Date.AddHours(13));
        before.Should().Contain(s => s.Start == Tuesday(9));

        await owner.BookOk(DemoClinic.Consultation, DemoClinic.DrReilly, Tuesday(9));

        var after = await owner.FreeSlots(DemoClinic.Consultation, new DateOnly(2026, 11, 23), resource: DemoClinic.DrReilly);
        after.Select(s => s.Start).Should().NotContain([Tuesday(9), Tuesday(8, 45), Tuesday(9, 15)], "the slot and its ten-minute buffers are held");
        after.Select(s => s.Start).Should().Contain(Tuesday(9, 30));
    }

    [Fact]
    public async Task Rescheduling_with_the_current_ETag_moves_the_appointment_frees_the_old_slot_and_a_stale_ETag_is_refused()
    {
        var booked = await owner.BookOk(DemoClinic.Consultation, DemoClinic.DrLind, Tuesday(16));

        var moved = await owner.Change(booked.Id, "reschedule", new { resourceId = DemoClinic.DrLind, start = Tuesday(16, 30) }, ifMatch: booked.Revision);
        var stale = await owner.Change(booked.Id, "reschedule", new { resourceId = DemoClinic.DrLind, start = Tuesday(17) }, ifMatch: booked.Revision);

        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        moved.Headers.ETag!.Tag.Should().Be("\"2\"");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await Problem(stale)).GetProperty("status").GetInt32().Should().Be(412);
        var slots = await owner.FreeSlots(DemoClinic.Consultation, new DateOnly(2026, 11, 24), days: 1, resource: DemoClinic.DrLind);
        slots.Select(s => s.Start).Should().Contain(Tuesday(16)).And.NotContain(Tuesday(16, 30));
    }

    [Fact]
    public async Task A_taken_slot_is_a_409_conflict()
    {
        await owner.BookOk(DemoClinic.Consultation, DemoClinic.ConsultingRoom, Tuesday(12));

        var second = await owner.Book(DemoClinic.Consultation, DemoClinic.ConsultingRoom, Tuesday(12, 15), DemoClinic.Miso);

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Problem(second)).GetProperty("title").GetString().Should().Be("That slot is taken.");
    }

    [Fact]
    public async Task A_broken_rule_is_a_422_naming_the_rule()
    {
        var sunday = await owner.Book(DemoClinic.Consultation, DemoClinic.DrOkafor, new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        var tooSoon = await owner.Book(DemoClinic.Consultation, DemoClinic.DrOkafor, app.Clock.GetUtcNow().AddMinutes(30));
        var wrongVet = await owner.Book(DemoClinic.DentalCheck, DemoClinic.DrReilly, Tuesday(10, 30));
        var tooFar = await owner.Book(DemoClinic.Consultation, DemoClinic.DrOkafor, new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));

        sunday.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Problem(sunday)).GetProperty("rule").GetString().Should().Be("outside-opening-hours");
        (await Problem(tooSoon)).GetProperty("rule").GetString().Should().Be("inside-lead-time");
        (await Problem(wrongVet)).GetProperty("rule").GetString().Should().Be("resource-not-suitable");
        (await Problem(tooFar)).GetProperty("rule").GetString().Should().Be("beyond-horizon");
    }

    [Fact]
    public async Task Missing_fields_are_a_400_naming_each_field()
    {
        var response = await owner.PostAsJsonAsync("/api/appointments", new { clinic = Clinic, start = Tuesday(10) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await Problem(response)).GetProperty("errors");
        errors.TryGetProperty("pet", out _).Should().BeTrue();
        errors.TryGetProperty("appointmentType", out _).Should().BeTrue();
        errors.TryGetProperty("resource", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_field_not_a_500()
    {
        var body = new StringContent("""{"clinic":"not-a-guid","pet":1}""", Encoding.UTF8, "application/json");

        var response = await owner.PostAsync(new Uri("/api/appointments", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Problem(response)).GetProperty("errors").TryGetProperty("clinic", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Nobody_signed_in_is_a_401()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/appointments/mine", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_owners_appointment_looks_missing_and_a_missing_one_is_a_404()
    {
        var booked = await owner.BookOk(DemoClinic.Consultation, DemoClinic.DrOkafor, Tuesday(11));
        var stranger = app.ClientAs(Actor.Owner(new OwnerId(Guid.NewGuid())));

        (await stranger.GetAsync(new Uri($"/api/appointments/{booked.Id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.Change(booked.Id, "cancel")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.GetAsync(new Uri($"/api/appointments/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Owners_cannot_confirm_and_other_clinics_staff_cannot_read_the_schedule()
    {
        var requested = await owner.BookOk(DemoClinic.DentalCheck, DemoClinic.DrOkafor, Tuesday(16));
        var otherClinicStaff = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Vet, new ClinicId(Guid.NewGuid())));

        (await owner.Change(requested.Id, "confirm")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherClinicStaff.GetAsync(new Uri($"/api/clinics/{Clinic}/schedule/2026-11-24", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherClinicStaff.Change(requested.Id, "confirm")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_book_for_an_owner_and_see_it_on_the_days_schedule_under_its_vet()
    {
        var response = await staff.Book(DemoClinic.Consultation, DemoClinic.DrLind, Tuesday(8), owner: DemoClinic.DemoOwner);
        var booked = (await response.Content.ReadFromJsonAsync<BookingResponse>())!;

        var schedule = await Eventually.Until(
            () => staff.GetFromJsonAsync<DaySchedule>($"/api/clinics/{Clinic}/schedule/2026-11-24")!,
            s => s!.Resources.SelectMany(r => r.Appointments).Any(a => a.Id == booked.Id), because: "the schedule to show the booking");

        booked.Status.Should().Be("confirmed");
        schedule!.Resources.Single(r => r.ResourceId == DemoClinic.DrLind).Appointments.Should().Contain(a => a.Id == booked.Id && a.ChangedBy == Receptionist.Tag);
        schedule.TimeZone.Should().Be("Europe/London");
    }

    [Fact]
    public async Task An_owner_moving_a_confirmed_dental_check_sends_it_back_to_the_clinic_to_confirm()
    {
        var requested = await owner.BookOk(DemoClinic.DentalCheck, DemoClinic.DrOkafor, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await staff.Change(requested.Id, "confirm");

        var moved = await owner.Change(requested.Id, "reschedule", new { resourceId = DemoClinic.DrOkafor, start = new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero) });

        (await moved.Content.ReadFromJsonAsync<BookingResponse>())!.Status.Should().Be("requested");
        await Eventually.Until(
            () => owner.GetFromJsonAsync<MyAppointments>("/api/appointments/mine")!,
            m => m!.Upcoming.Any(a => a.Id == requested.Id && a.Status == "requested" && a.Start.Hour == 14),
            because: "the owner's list to show it awaiting the clinic again");
    }
}
