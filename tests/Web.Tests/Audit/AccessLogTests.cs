using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;

namespace VetOS.Web.Tests.Audit;

/// <summary>Every staff read of an owner's data leaves who, when, which record and which clinic; auditors query it.</summary>
public sealed class AccessLogTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private static string Log(string query = "") => $"/api/clinics/{DemoClinic.Id}/access-log{query}";

    [Fact]
    public async Task Staff_reads_are_logged_per_owner_and_auditors_find_them_by_owner_reader_and_period()
    {
        var owner = app.ClientAs(BookingClient.DemoOwner);
        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.DrLind, BookingClient.Tuesday(15, 30));
        (await owner.GetAsync(new Uri($"/api/appointments/{booked.Id}", UriKind.Relative))).EnsureSuccessStatusCode();
        var before = app.Clock.GetUtcNow();

        var reception = await app.SignedInBrowserAsync("reception@riverside.example", DemoAccounts.Password);
        var schedule = await Eventually.Until(
            () => reception.GetFromJsonAsync<JsonElement>($"/api/clinics/{DemoClinic.Id}/schedule/2026-11-24"),
            s => s.GetProperty("resources").EnumerateArray().Any(r => r.GetProperty("appointments").GetArrayLength() > 0));
        (await reception.GetAsync(new Uri($"/api/appointments/{booked.Id}", UriKind.Relative))).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromHours(1));
        var vet = await app.SignedInBrowserAsync("vet@riverside.example", DemoAccounts.Password);
        (await vet.GetAsync(new Uri($"/api/appointments/{booked.Id}", UriKind.Relative))).EnsureSuccessStatusCode();

        var auditor = await app.SignedInBrowserAsync("auditor@riverside.example", DemoAccounts.Password);
        var byOwner = await auditor.GetFromJsonAsync<List<Entry>>(Log($"?owner={DemoClinic.DemoOwner}"), ApiJson.Options);
        var byReceptionist = await auditor.GetFromJsonAsync<List<Entry>>(Log($"?reader={DemoClinic.DemoReceptionist}"), ApiJson.Options);
        var firstHour = await auditor.GetFromJsonAsync<List<Entry>>(
            Log($"?from={Uri.EscapeDataString(before.ToString("O"))}&to={Uri.EscapeDataString(before.AddMinutes(30).ToString("O"))}"), ApiJson.Options);

        schedule.ValueKind.Should().Be(JsonValueKind.Object);
        byOwner!.Select(e => (e.Reader, e.Record)).Should().BeEquivalentTo(
        [
            (DemoClinic.DemoReceptionist, "day schedule 2026-11-24"),
            (DemoClinic.DemoReceptionist, $"appointment {booked.Id}"),
            (DemoClinic.DemoVet, $"appointment {booked.Id}"),
        ], "the owner's own reads are not staff access");
        byOwner.Should().OnlyContain(e => e.Clinic == DemoClinic.Id && e.Owner == DemoClinic.DemoOwner);
        byReceptionist!.Should().HaveCount(2).And.OnlyContain(e => e.ReaderRole == "Receptionist");
        firstHour!.Select(e => e.Reader).Should().NotContain(DemoClinic.DemoVet, "the vet read an hour later");
    }

    [Fact]
    public async Task Only_the_clinics_auditors_and_admins_read_its_access_log()
    {
        var reception = await app.SignedInBrowserAsync("reception@riverside.example", DemoAccounts.Password);
        var owner = await app.SignedInBrowserAsync("owner@riverside.example", DemoAccounts.Password);
        var admin = await app.SignedInBrowserAsync("admin@riverside.example", DemoAccounts.Password);
        var otherClinicsAuditor = app.ClientAs(new Domain.Actor(Guid.NewGuid(), Domain.ActorRole.Auditor, new Domain.ClinicId(Guid.NewGuid())));

        (await reception.GetAsync(new Uri(Log(), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.GetAsync(new Uri(Log(), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherClinicsAuditor.GetAsync(new Uri(Log(), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync(new Uri(Log(), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.CreateClient().GetAsync(new Uri(Log(), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_auditor_only_reads_and_cannot_book_or_change_anything()
    {
        var auditor = await app.SignedInBrowserAsync("auditor@riverside.example", DemoAccounts.Password);
        var booked = await app.ClientAs(BookingClient.DemoOwner).BookOk(DemoClinic.Vaccination, DemoClinic.DrReilly, BookingClient.Tuesday(16));

        var book = await auditor.Book(DemoClinic.Vaccination, DemoClinic.DrOkafor, BookingClient.Tuesday(16), owner: DemoClinic.DemoOwner);
        var cancel = await auditor.Change(booked.Id, "cancel");
        var hours = await auditor.PutAsJsonAsync($"/api/clinics/{DemoClinic.Id}/setup/opening-hours", Array.Empty<object>());

        book.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.UnprocessableEntity);
        cancel.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        hours.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.ClientAs(BookingClient.DemoOwner).GetFromJsonAsync<JsonElement>($"/api/appointments/{booked.Id}"))
            .GetProperty("status").GetString().Should().Be("Confirmed");
    }

    private sealed record Entry(DateTimeOffset At, Guid Clinic, Guid Reader, string ReaderRole, Guid Owner, string Record);
}
