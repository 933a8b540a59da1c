using System.Net;
using System.Net.Http.Json;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Messaging;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests;

/// <summary>
/// Input a careless client or an attacker sends is a 400 naming the field, never a 500: control characters (PostgreSQL
/// refuses NUL), dates at the edges of the calendar. Webhooks are answered 200 with what cannot be kept replaced.
/// </summary>
public sealed class HostileInputTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private readonly HttpClient owner = app.ClientAs(BookingClient.DemoOwner);

    [Fact]
    public async Task A_NUL_or_another_control_character_in_a_name_email_pet_or_clinic_is_a_400_naming_the_field()
    {
        var signUp = await app.Browser().PostAsJsonAsync("/api/account/sign-up",
            new { clinic = DemoClinic.Id, name = "Ada\u0000Lovelace", email = NewEmail(), phone = "+447911123456", password = GoodPassword });
        var pet = await owner.PostAsJsonAsync("/api/me/pets", OwnerClient.Pet(name: "Rex\u0000"));
        var bell = await owner.PostAsJsonAsync("/api/me/pets", OwnerClient.Pet(name: "Rex\u0007"));
        var clinic = await app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Operator)).PostAsJsonAsync("/api/operator/clinics", new
        {
            name = "Hillside\u0000Vets", slug = $"h-{Guid.NewGuid():N}"[..20], address = "1 Hill Road, Leeds LS1 1AA", timeZone = "Europe/London",
            contactEmail = "privacy@hillside.example", contactPhone = "+44 113 496 0000", grievanceContact = "ICO, ico.org.uk",
        });

        foreach (var (response, field) in new[] { (signUp, "name"), (pet, "name"), (bell, "name"), (clinic, "details.Name") })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.ErrorFields()).Should().Contain(field);
        }
    }

    [Fact]
    public async Task Line_breaks_are_welcome_in_notes_but_not_in_a_name_and_half_a_surrogate_pair_is_refused()
    {
        (await owner.PostAsJsonAsync("/api/me/pets", OwnerClient.Pet(notes: "Bites when nervous.\r\nLoves carrots.\tReally."))).StatusCode
            .Should().Be(HttpStatusCode.Created);
        var broken = await owner.PostAsJsonAsync("/api/me/pets", OwnerClient.Pet(name: "Pepper\nthe second"));
        (await broken.ErrorFields()).Should().Equal("name");
        var surrogate = await owner.PostAsync("/api/me/pets", new StringContent(
            """{"name":"Pep\ud800per","species":"dog","notes":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        surrogate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Dates_at_the_edges_of_the_calendar_are_a_400_naming_the_field_before_any_arithmetic()
    {
        var booking = await owner.Book(DemoClinic.Consultation, DemoClinic.DrOkafor, new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero));
        var first = await owner.GetAsync(Relative($"/api/clinics/{DemoClinic.Id}/slots?type={DemoClinic.Consultation}&from=0001-01-01&days=7"));
        var last = await owner.GetAsync(Relative($"/api/clinics/{DemoClinic.Id}/slots?type={DemoClinic.Consultation}&from=9999-12-31&days=7"));
        var schedule = await app.ClientAs(BookingClient.Receptionist).GetAsync(Relative($"/api/clinics/{DemoClinic.Id}/schedule/9999-12-31"));

        foreach (var (response, field) in new[] { (booking, "start"), (first, "from"), (last, "from"), (schedule, "day") })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.ErrorFields()).Should().Contain(field);
        }
    }

    [Fact]
    public async Task An_instant_with_an_offset_other_than_UTC_is_the_same_instant_not_a_500()
    {
        var auditor = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Auditor, new ClinicId(DemoClinic.Id)));
        const string period = "from=2026-11-01T00:00:00%2B01:00&to=2027-10-31T01:30:00%2B01:00";

        foreach (var url in new[]
        {
            $"/api/clinics/{DemoClinic.Id}/consent-changes?{period}", $"/api/clinics/{DemoClinic.Id}/consents?at=2026-11-24T10:00:00-05:00",
            $"/api/clinics/{DemoClinic.Id}/consents/{DemoClinic.DemoOwner}?at=2026-11-24T10:00:00%2B14:00",
            $"/api/clinics/{DemoClinic.Id}/access-log?{period}", $"/api/clinics/{DemoClinic.Id}/delivery-log/?{period}",
            $"/api/clinics/{DemoClinic.Id}/access-log/owners-read?{period}",
        })
        {
            var response = await auditor.GetAsync(Relative(url));
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task An_inbound_message_with_a_NUL_in_its_sender_or_body_is_answered_and_kept_with_the_characters_replaced()
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef", ["MessageSid"] = "SMnul000000000000000000000000000001",
            ["From"] = "+4479111\u000023456", ["To"] = "+442079460111", ["Body"] = "STOP\u0000",
        };

        var answer = await app.CreateClient().PostToTwilioHook("/webhooks/twilio/inbound", fields);

        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.inbound_messages where message_sid = $1", fields["MessageSid"]))
            .Should().Be(1, "the message is kept");
    }

    [Fact]
    public async Task A_database_that_is_away_is_a_503_with_Retry_After_and_a_problem_and_the_API_document_says_so()
    {
        await using var away = new UnreachableDatabaseApp();

        var response = await away.ClientAs(BookingClient.DemoOwner)
            .GetAsync(Relative($"/api/clinics/{DemoClinic.Id}/slots?type={DemoClinic.Consultation}&from=2026-11-24&days=7"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        (await response.Problem()).GetProperty("title").GetString().Should().Contain("unavailable");
        var document = await app.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        operations.Where(o => !o.Value.GetProperty("responses").TryGetProperty("503", out var _)).Select(o => o.Name).Should().BeEmpty();
        operations.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_value_that_would_start_a_spreadsheet_formula_is_escaped_in_every_csv_export()
    {
        var (client, _) = await app.NewClient(phone: "+447911123991");
        var browser = app.ClientAs(client);
        browser.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "=HYPERLINK(\"http://evil.example\")");
        (await browser.PutAsJsonAsync($"/api/me/consents/{DemoClinic.Id}/appointment-reminders/sms", new { granted = true, noticeVersion = 1 }))
            .EnsureSuccessStatusCode();
        (await app.ClientAs(BookingClient.Receptionist).PutAsJsonAsync($"/api/clinics/{DemoClinic.Id}/clients/{client.Id}/consents/appointment-reminders/email",
            new { granted = true, noticeVersion = 1, note = "@SUM(1+1)" })).EnsureSuccessStatusCode();
        var auditor = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Auditor, new ClinicId(DemoClinic.Id)));

        var csv = await auditor.GetStringAsync(Relative($"/api/clinics/{DemoClinic.Id}/consents/{client.Id}/history?format=csv"));

        csv.Should().Contain("\"'=HYPERLINK(\"\"http://evil.example\"\")\"").And.Contain("\"'@SUM(1+1)\"");
        csv.Split("\r\n").Skip(1).SelectMany(line => line.Split(',')).Should().NotContain(field => field.Length > 0 && "=+-@\t\r".Contains(field[0]),
            "no field starts with a formula character");
    }
}
