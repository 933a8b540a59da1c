using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Web.Bookings;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Consents;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>
/// One owner with data everywhere at two clinics: the export at clinic A holds every item of A and nothing of clinic B;
/// its download is refused to another clinic's staff, expires with the host's clock and is then deleted by its job.
/// </summary>
public sealed class AccessExportAtTwoClinicsTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private sealed record AtClinicB(Guid Clinic, Guid Booking, string BookingReason, Guid Request, string RequestDetails, string ExtensionReason, Actor Staff);

    /// <summary>At clinic B: an appointment cancelled with a reason, a consent granted, a read by B's staff, a request extended (its email to the owner).</summary>
    private async Task<AtClinicB> SeedAtClinicBAsync(SeededOwner owner)
    {
        var clinic = await app.NewClinicAsync();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var admin = new Actor(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(clinic));
        var staff = new Actor(Guid.NewGuid(), ActorRole.Receptionist, new ClinicId(clinic));
        await app.Database.ExecuteAsync("insert into owners.clinic_clients (clinic_id, owner_id) values ($1, $2)", clinic, owner.Owner.Id);
        var setup = app.ClientAs(admin);
        var (vet, type) = (Guid.NewGuid(), Guid.NewGuid());
        (await setup.PutAsJsonAsync($"/api/clinics/{clinic}/setup/resources/{vet}", new { name = "Dr Hillside", kind = "vet" })).EnsureSuccessStatusCode();
        (await setup.PutAsJsonAsync($"/api/clinics/{clinic}/setup/appointment-types/{type}",
            new { name = "Hillside check", durationMinutes = 30, species = new[] { "Dog" }, resourceIds = new[] { vet }, ownersMayBookDirectly = true }))
            .EnsureSuccessStatusCode();
        (await setup.PutAsJsonAsync($"/api/clinics/{clinic}/setup/opening-hours",
            Enumerable.Range(1, 5).Select(d => new { day = d, opens = "08:00", closes = "20:00" }))).EnsureSuccessStatusCode();
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var booked = await owner.Client.PostAsJsonAsync("/api/appointments", new { clinic, pet = owner.Pet, appointmentType = type, resource = vet, start });
        booked.StatusCode.Should().Be(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var booking = (await booked.Content.ReadFromJsonAsync<BookingResponse>())!.Id;
        var reason = $"Hillside-only cancellation {unique}";
        await Eventually.Until(() => app.ClientAs(staff).Change(booking, "cancel", new { reason }), r => r.IsSuccessStatusCode, because: "B's schedule has it");
        await owner.Client.ChooseOk("email", true, noticeVersion: 1, clinic: clinic);
        (await app.ClientAs(staff).Get($"/api/clinics/{clinic}/clients/{owner.Owner.Id}")).EnsureSuccessStatusCode();
        var details = $"Hillside-only request {unique}";
        var filed = await owner.Client.PostAsJsonAsync("/api/me/privacy-requests", new { clinic, kind = "access", details });
        filed.EnsureSuccessStatusCode();
        var request = (await filed.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!.Id;
        var extension = $"Hillside-only extension {unique}";
        (await setup.PostAsJsonAsync($"/api/clinics/{clinic}/privacy-requests/{request}/extend", new { months = 1, reason = extension })).EnsureSuccessStatusCode();
        await Eventually.Until(() => app.Database.ScalarAsync<long>("select count(*) from messaging.messages where clinic_id = $1 and body like '%' || $2 || '%'",
            clinic, extension), n => n > 0, because: "the owner is emailed the extension from clinic B");
        return new(clinic, booking, reason, request, details, extension, staff);
    }

    private async Task<(SeededOwner Owner, AtClinicB B, HttpClient Admin, string Json)> ExportedAsync()
    {
        var owner = await app.SeedOwnerEverywhereAsync("Access");
        var b = await SeedAtClinicBAsync(owner);
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(owner.Request);
        (await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/export", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await Eventually.Until(() => admin.RequestFile(owner.Request), f => f.Export?.Status == "ready", TimeSpan.FromSeconds(30), "the job builds the export");
        return (owner, b, admin, await admin.GetStringAsync($"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/export.json"));
    }

    [Fact]
    public async Task The_export_at_clinic_A_holds_every_item_of_A_and_nothing_of_clinic_B_or_of_another_owner()
    {
        var other = await app.SeedOwnerEverywhereAsync("Access");
        var (owner, b, _, json) = await ExportedAsync();

        var sections = JsonDocument.Parse(json).RootElement.GetProperty("sections");
        (sections.GetProperty("account").GetProperty("email").GetString(), sections.GetProperty("account").GetProperty("phone").GetString())
            .Should().Be((owner.Email, owner.Phone));
        json.Should().Contain(owner.Pet.ToString()).And.Contain(owner.PetName).And.Contain(owner.PetNotes);
        var appointment = sections.GetProperty("appointments").EnumerateArray().Should().ContainSingle("only A's appointment").Subject;
        appointment.GetProperty("id").GetGuid().Should().Be(owner.Booking);
        appointment.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).Should().HaveCountGreaterThan(1, "its full event history");
        json.Should().Contain(owner.CancelReason);
        var ledger = sections.GetProperty("consent").GetProperty("ledger").EnumerateArray().Should().ContainSingle("only A's consent").Subject;
        (ledger.GetProperty("data").GetProperty("channel").GetString(), ledger.GetProperty("data").GetProperty("userAgent").GetString())
            .Should().Be(("sms", ConsentClient.Firefox));
        var messages = sections.GetProperty("messages").GetProperty("messages").EnumerateArray().ToList();
        messages.Should().NotBeEmpty().And.OnlyContain(m => m.GetProperty("body").GetString()!.Contains(owner.PetName) || m.GetProperty("template").GetString() != null);
        messages.Should().Contain(m => m.GetProperty("delivery_log").GetArrayLength() > 0, "the delivery log of A's messages");
        sections.GetProperty("access-log").EnumerateArray().Should().Contain(e => e.GetProperty("reader_id").GetGuid() == OwnerClient.Receptionist.Id);
        sections.GetProperty("privacy-requests").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Equal(owner.Request);

        sections.GetProperty("account").GetProperty("clinics").EnumerateArray().Select(c => c.GetProperty("clinic_id").GetGuid()).Should().Equal(Clinic);
        json.Should().NotContainAny(
            [b.Clinic.ToString(), "Hillside Vets", b.Booking.ToString(), b.BookingReason, b.Request.ToString(), b.RequestDetails, b.ExtensionReason, b.Staff.Id.ToString(),
             "Dr Hillside", "Hillside check"],
            "nothing the owner has at clinic B is in clinic A's export");
        json.Should().NotContainAny(other.Name, other.Email, other.Phone, other.PetName, other.Owner.Id.ToString(), other.Booking.ToString(),
            other.Request.ToString(), other.CancelReason);
    }

    [Fact]
    public async Task Another_clinics_staff_cannot_download_and_the_link_expires_after_seven_days_on_the_hosts_clock_when_the_file_is_deleted()
    {
        var (owner, b, admin, _) = await ExportedAsync();
        var path = $"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/export.json";
        var bAdmin = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(b.Clinic)));

        (await bAdmin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, "not B's request, so B's staff are not told it exists");
        (await bAdmin.GetAsync($"/api/clinics/{b.Clinic}/privacy-requests/{owner.Request}/export.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.ClientAs(b.Staff).GetAsync($"/api/clinics/{b.Clinic}/privacy-requests/{owner.Request}/export.html")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var expiresAt = (await admin.RequestFile(owner.Request)).Export!.ExpiresAt!.Value;
        expiresAt.Should().Be((await admin.RequestFile(owner.Request)).Export!.BuiltAt!.Value.AddDays(7));

        var purge = app.Services.GetRequiredService<VetOS.Infrastructure.PrivacyRequests.ExpiredExportsPurge>();
        var now = app.Clock.GetUtcNow();
        try
        {
            await ExpiresAsync(owner, admin, path, purge, expiresAt);
        }
        finally
        {
            app.Clock.AdjustTime(now); // back, for the other facts of this class that book in the week ahead
        }
    }

    private async Task ExpiresAsync(SeededOwner owner, HttpClient admin, string path, VetOS.Infrastructure.PrivacyRequests.ExpiredExportsPurge purge,
        DateTimeOffset expiresAt)
    {
        app.Clock.AdjustTime(expiresAt.AddSeconds(-1));
        (await owner.Client.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.json")).StatusCode.Should().Be(HttpStatusCode.OK, "a second before expiry");
        await purge.RunAsync(CancellationToken.None);
        (await admin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, "the purge keeps what has not expired");
        app.Clock.AdjustTime(expiresAt);

        var ownerExpired = await owner.Client.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.json");
        var staffExpired = await admin.GetAsync(path);
        var deleted = await purge.RunAsync(CancellationToken.None);

        (ownerExpired.StatusCode, staffExpired.StatusCode).Should().Be((HttpStatusCode.Gone, HttpStatusCode.Gone));
        (await staffExpired.Json()).GetProperty("rule").GetString().Should().Be("export-expired");
        deleted.Should().BeGreaterThanOrEqualTo(1);
        (await app.Database.ScalarAsync<long>("select count(*) from privacy.exports where request_id = $1 and (json is not null or html is not null)", owner.Request))
            .Should().Be(0, "the file is deleted when it expires");
        (await owner.Client.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.html")).StatusCode.Should().Be(HttpStatusCode.Gone);
        var downloads = (await admin.RequestFile(owner.Request)).Request.Steps!.Where(s => s.What == "export downloaded").Select(s => s.By);
        downloads.Should().Equal([Admin.Tag, $"owner:{owner.Owner.Id}", Admin.Tag], "each download is logged, and refused ones are not downloads");
        (await app.Database.ScalarAsync<long>("select count(*) from audit.access_log where reader_id = $1 and owner_id = $2 and record = 'access export'",
            Admin.Id, owner.Owner.Id)).Should().Be(2, "each staff download is in the access log");
    }
}
