using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;
using VetOS.Web.Tests.Consents;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>The access export: built by its job with visible progress, complete, nobody else's, downloadable only by the owner and the handler, until it expires.</summary>
public sealed class AccessExportTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private async Task<(SeededOwner Owner, HttpClient Admin)> ExportedAsync()
    {
        var owner = await app.SeedOwnerEverywhereAsync("Access");
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(owner.Request);
        var started = await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/export", null);
        started.StatusCode.Should().Be(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var file = await Eventually.Until(() => admin.RequestFile(owner.Request), f => f.Export?.Status == "ready", TimeSpan.FromSeconds(30), "the job builds the export");
        (file.Export!.SectionsDone, file.Export.SectionsTotal).Should().Be((8, 8));
        file.Request.Status.Should().Be(PrivacyRequestStatus.InProgress);
        return (owner, admin);
    }

    [Fact]
    public async Task The_export_holds_every_item_seeded_for_the_owner_and_nothing_of_any_other_owner()
    {
        var other = await app.SeedOwnerEverywhereAsync("Access");
        var (owner, admin) = await ExportedAsync();

        var json = await admin.GetStringAsync($"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/export.json");

        var export = JsonDocument.Parse(json).RootElement;
        export.GetProperty("format").GetString().Should().Be(AccessExportBuilder.Format);
        var sections = export.GetProperty("sections");
        sections.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["account", "owner-record", "appointments", "consent", "messages", "access-log", "privacy-requests", "conversation"]);
        var account = sections.GetProperty("account");
        (account.GetProperty("name").GetString(), account.GetProperty("email").GetString(), account.GetProperty("phone").GetString())
            .Should().Be((owner.Name, owner.Email, owner.Phone));
        json.Should().Contain(owner.PetName).And.Contain(owner.PetNotes, "the pet's details and their history");
        var history = sections.GetProperty("owner-record").GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        history.Should().Equal("owner.v1.pet-added", "owner.v1.pet-details-changed", "owner.v1.contact-details-changed");
        var appointment = sections.GetProperty("appointments").EnumerateArray().Should().ContainSingle().Subject;
        appointment.GetProperty("id").GetGuid().Should().Be(owner.Booking);
        appointment.GetProperty("status").GetString().Should().Be("cancelled");
        appointment.GetProperty("history").EnumerateArray().Last().GetProperty("data").GetProperty("reason").GetString().Should().Be(owner.CancelReason);
        var grant = sections.GetProperty("consent").GetProperty("ledger").EnumerateArray().Should().ContainSingle().Subject.GetProperty("data");
        (grant.GetProperty("channel").GetString(), grant.GetProperty("userAgent").GetString(), grant.GetProperty("noticeVersion").GetInt32())
            .Should().Be(("sms", ConsentClient.Firefox, 1), "the evidence of the grant, its browser opened from the sealed event");
        var messages = sections.GetProperty("messages").GetProperty("messages").EnumerateArray().ToList();
        messages.Should().Contain(m => m.GetProperty("template").GetString() == "booking-confirmed" && m.GetProperty("recipient").GetString() == owner.Phone
            && m.GetProperty("body").GetString()!.Contains(owner.PetName) && m.GetProperty("delivery_log").GetArrayLength() > 0);
        sections.GetProperty("access-log").EnumerateArray().Should().Contain(e =>
            e.GetProperty("reader_id").GetGuid() == OwnerClient.Receptionist.Id && e.GetProperty("record").GetString() == "client record");
        sections.GetProperty("conversation").EnumerateArray().Select(m => (m.GetProperty("written_by").GetString(), m.GetProperty("body").GetString()))
            .Should().Equal(("owner", owner.Question), ("clinic", owner.Answer));
        sections.GetProperty("privacy-requests").EnumerateArray().Should().ContainSingle().Which.GetProperty("details").GetString().Should().Be(owner.RequestDetails);
        json.Should().NotContainAny(other.Name, other.Email, other.Phone, other.PetName, other.Owner.Id.ToString(), other.Booking.ToString());
    }

    [Fact]
    public async Task The_readable_summary_states_purposes_recipients_retention_and_sources()
    {
        var (owner, _) = await ExportedAsync();

        var response = await owner.Client.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.html");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<h2>Why we use it</h2>").And.Contain("performance of a contract").And.Contain("Appointment reminders by email, sms, whatsapp")
            .And.Contain("Postmark (ActiveCampaign, LLC)").And.Contain("Twilio (Twilio Inc.)").And.Contain("the practice, data controller")
            .And.Contain("<h2>How long we keep it</h2>").And.Contain("90 days, then purged").And.Contain("England and Wales")
            .And.Contain("<h2>Where it came from</h2>").And.Contain("Appointments: 1 item").And.Contain("<main>");
    }

    [Fact]
    public async Task Only_the_owner_and_the_handling_staff_may_download_each_download_is_logged_and_the_link_expires()
    {
        var (owner, admin) = await ExportedAsync();
        var path = $"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/export.json";
        var anotherAdmin = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(Clinic)));
        var anotherOwner = app.ClientAs((await app.NewClient("Someone Else", "+447911300001")).Owner);

        (await anotherAdmin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, "only the staff member handling the request");
        (await app.ClientAs(OwnerClient.Receptionist).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anotherOwner.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.Client.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);

        var steps = (await admin.RequestFile(owner.Request)).Request.Steps!.Where(s => s.What == "export downloaded").Select(s => s.By);
        steps.Should().Equal($"owner:{owner.Owner.Id}", Admin.Tag);
        (await app.Database.ScalarAsync<long>("select count(*) from audit.access_log where reader_id = $1 and owner_id = $2 and record = 'access export'",
            Admin.Id, owner.Owner.Id)).Should().Be(1);

        await app.Database.ExecuteAsync("update privacy.exports set expires_at = $2 where request_id = $1", owner.Request, app.Clock.GetUtcNow());
        var expired = await owner.Client.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.json");
        expired.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await expired.Json()).GetProperty("rule").GetString().Should().Be("export-expired");
        var file = await admin.RequestFile(owner.Request);
        file.Export!.ExpiresAt.Should().Be(app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Erasing_an_owner_after_their_export_leaves_nothing_in_the_exports_or_in_job_storage()
    {
        var (owner, admin) = await ExportedAsync();
        (await app.Database.ScalarAsync<long>("select count(*) from hangfire.job")).Should().BeGreaterThan(0, "the export ran as a Hangfire job");
        var erasure = await owner.Client.PostAsJsonAsync("/api/me/privacy-requests", new { clinic = Clinic, kind = "erasure" });
        var request = (await erasure.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        await admin.VerifyOk(request.Id);

        var result = (await (await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{request.Id}/erase", null))
            .Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;

        result.Report!.Scan.Hits.Should().BeEmpty();
        (await app.Database.ScalarAsync<long>("select count(*) from privacy.exports where request_id = $1", owner.Request)).Should().Be(0);
        (await owner.Client.GetAsync($"/api/me/privacy-requests/{owner.Request}/export.json")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
