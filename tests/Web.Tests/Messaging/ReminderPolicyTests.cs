using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Owners;

namespace VetOS.Web.Tests.Messaging;

/// <summary>Clinic admins set when reminders go; this changes the clinic's policy, so it has a host of its own.</summary>
public sealed class ReminderPolicyTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private readonly string url = $"/api/clinics/{DemoClinic.Id}/setup/reminders";

    [Fact]
    public async Task Admins_set_several_offsets_and_quiet_hours_and_new_reminders_follow_them()
    {
        var admin = app.ClientAs(OwnerClient.Admin);
        (await admin.GetFromJsonAsync<ReminderPolicyView>(url)).Should().BeEquivalentTo(
            new ReminderPolicyView([1440], new TimeOnly(21, 0), new TimeOnly(8, 0)));

        var set = await admin.PutAsJsonAsync(url, new { offsetsMinutes = new[] { 120, 1440 }, quietHoursStart = "21:00", quietHoursEnd = "08:00" });

        set.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<ReminderPolicyView>(url))!.OffsetsMinutes.Should().Equal(1440, 120);
        var (_, owner, pet, _) = await app.OwnerWithPetAsync("+447911123201");
        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.DrOkafor, BookingClient.Tuesday(8, 30), pet);
        var reminders = (await app.MessagesOnceFor(booked.Id, r => r.Count(m => m.Purpose != null) == 3, "the reminders")).Where(r => r.Purpose != null);
        // 24 h before (Monday 08:30) has passed already; 2 h before (06:30) is in the quiet hours, so the evening before at 20:59.
        reminders.Should().OnlyContain(r => r.DueAt == new DateTimeOffset(2026, 11, 23, 20, 59, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Only_the_clinic_s_admins_change_it_and_nonsense_is_refused()
    {
        var body = new { offsetsMinutes = new[] { 60 }, quietHoursStart = "22:00:00", quietHoursEnd = "07:00:00" };

        (await app.ClientAs(BookingClient.Receptionist).PutAsJsonAsync(url, body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.ClientAs(BookingClient.DemoOwner).PutAsJsonAsync(url, body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var admin = app.ClientAs(OwnerClient.Admin);
        (await admin.PutAsJsonAsync(url, body with { offsetsMinutes = [] })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync(url, body with { offsetsMinutes = [5] })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync(url, body with { offsetsMinutes = [60, 60] })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync(url, body with { offsetsMinutes = [60, 120, 180, 240, 300, 360] })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync($"/api/clinics/{Guid.NewGuid()}/setup/reminders", body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
