using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using VetOS.Application.Consents;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests.Consents;

/// <summary>The demo auditor reads one owner's consent history, state as of any instant and chain, and the clinic's report and changes, as JSON and CSV.</summary>
public sealed partial class ConsentAuditTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string Reminders = ConsentPurpose.AppointmentReminders;
    private static readonly string Clinic = $"/api/clinics/{DemoClinic.Id}";
    private static readonly string Owner = $"{Clinic}/consents/{DemoClinic.DemoOwner}";

    [Fact]
    public async Task The_auditor_reads_history_as_of_report_changes_and_chain_and_the_csv_says_what_the_json_says()
    {
        var (t1, neighbour) = await ChangesAsync();
        var (t2, t3) = (t1.AddHours(1), t1.AddHours(2));
        var auditor = await app.SignedInBrowserAsync("auditor@riverside.example", DemoAccounts.Password);

        var history = await auditor.GetFromJsonAsync<JsonElement>($"{Owner}/history");
        var events = history.GetProperty("events");
        events.EnumerateArray().Select(e => (e.GetProperty("change").GetString(), e.GetProperty("channel").GetString(), e.GetProperty("source").GetString()))
            .Should().Equal(("granted", "sms", "portal"), ("granted", "email", "staff"), ("withdrawn", "sms", "inbound-message"));
        events[0].GetProperty("ipAddress").GetString().Should().Be("203.0.113.7");
        events[0].GetProperty("userAgent").GetString().Should().Be("Mozilla/5.0 (X11, Linux)");
        events[1].GetProperty("note").GetString().Should().Be("Phoned in, said \"yes please\"");
        events[2].GetProperty("messageId").GetString().Should().Be("SM0001");
        events.EnumerateArray().Should().OnlyContain(e => Regex.IsMatch(e.GetProperty("hash").GetString()!, "^[0-9a-f]{64}$"));
        SameRows(events, CsvText.Parse(await auditor.GetStringAsync($"{Owner}/history?format=csv")));

        foreach (var at in new[] { t1.AddTicks(-1), t1, t2.AddMinutes(1), t3, t3.AddDays(1) })
        {
            var projection = await auditor.GetFromJsonAsync<JsonElement>($"{Owner}?at={Instant(at)}");
            var replayed = await auditor.GetFromJsonAsync<JsonElement>($"{Owner}?at={Instant(at)}&source=events");
            replayed.GetProperty("consents").GetRawText().Should().Be(projection.GetProperty("consents").GetRawText(), $"both sources agree at {at:O}");
            SameRows(projection.GetProperty("consents"), CsvText.Parse(await auditor.GetStringAsync($"{Owner}?at={Instant(at)}&format=csv")));
        }
        var between = await auditor.GetFromJsonAsync<ConsentAsOf>($"{Owner}?at={Instant(t2.AddMinutes(1))}", ApiJson.Options);
        between!.Consents.Where(c => c.Status == ConsentStatus.Granted).Select(c => c.Channel).Should().Equal("email", "sms");

        var report = await auditor.GetFromJsonAsync<JsonElement>($"{Clinic}/consents?at={Instant(t2.AddMinutes(1))}");
        report.GetProperty("consents").EnumerateArray().Select(c => (c.GetProperty("ownerId").GetGuid(), c.GetProperty("channel").GetString()))
            .Should().BeEquivalentTo([(DemoClinic.DemoOwner, "email"), (DemoClinic.DemoOwner, "sms"), (neighbour, "whatsapp")]);
        using var asCsv = new HttpRequestMessage(HttpMethod.Get, $"{Clinic}/consents?at={Instant(t2.AddMinutes(1))}");
        asCsv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csvResponse = await auditor.SendAsync(asCsv);
        csvResponse.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        SameRows(report.GetProperty("consents"), CsvText.Parse(await csvResponse.Content.ReadAsStringAsync()));

        var changes = await auditor.GetFromJsonAsync<JsonElement>($"{Clinic}/consent-changes?from={Instant(t1)}&to={Instant(t3.AddSeconds(1))}");
        changes.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("change").GetString(), c.GetProperty("channel").GetString(), c.GetProperty("by").GetString()))
            .Should().BeEquivalentTo([("granted", "sms", $"owner:{DemoClinic.DemoOwner}"), ("granted", "whatsapp", $"owner:{neighbour}"),
                ("granted", "email", $"receptionist:{DemoClinic.DemoReceptionist}"), ("withdrawn", "sms", "inbound-message:SM0001")]);
        SameRows(changes.GetProperty("changes"),
            CsvText.Parse(await auditor.GetStringAsync($"{Clinic}/consent-changes?from={Instant(t1)}&to={Instant(t3.AddSeconds(1))}&format=csv")));

        (await auditor.GetFromJsonAsync<ChainReport>($"{Owner}/chain", ApiJson.Options)).Should().Be(new ChainReport(true, 3, null, null));
        (await app.Database.ScalarAsync<string>("""
            select format('%s history, %s as of', count(*) filter (where record = 'consent history'), count(*) filter (where record like 'consent as of %'))
              from audit.access_log where reader_id = $1 and owner_id = $2 and clinic_id = $3
            """, DemoClinic.DemoAuditor, DemoClinic.DemoOwner, DemoClinic.Id)).Should().Be("2 history, 16 as of", "every read of the owner's consent is logged");
        (await app.Database.ScalarAsync<long>("select count(*) from audit.access_log where owner_id = $1", neighbour))
            .Should().Be(0, "the clinic-wide report and changes show ids only");
    }

    [Fact]
    public async Task Receptionists_and_owners_are_refused_and_admins_may_read()
    {
        var reception = await app.SignedInBrowserAsync("reception@riverside.example", DemoAccounts.Password);
        var owner = await app.SignedInBrowserAsync("owner@riverside.example", DemoAccounts.Password);
        var admin = await app.SignedInBrowserAsync("admin@riverside.example", DemoAccounts.Password);
        string[] routes = [$"{Owner}/history", Owner, $"{Owner}/chain", $"{Clinic}/consents", $"{Clinic}/consent-changes?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z"];

        foreach (var route in routes)
        {
            (await reception.GetAsync(new Uri(route, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden, route);
            (await owner.GetAsync(new Uri(route, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden, route);
            (await admin.GetAsync(new Uri(route, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, route);
        }
    }

    [Fact]
    public async Task An_unknown_source_or_a_period_without_its_ends_is_a_bad_request()
    {
        var auditor = await app.SignedInBrowserAsync("auditor@riverside.example", DemoAccounts.Password);

        (await auditor.GetAsync(new Uri($"{Owner}?source=guesswork", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await auditor.GetAsync(new Uri($"{Clinic}/consent-changes?from=2026-11-01T00:00:00Z", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await auditor.GetAsync(new Uri($"{Clinic}/consent-changes?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", UriKind.Relative)))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    /// <summary>The demo owner grants SMS in the portal, reception records email on their word, a STOP withdraws SMS; a neighbour grants WhatsApp.</summary>
    private async Task<(DateTimeOffset First, Guid Neighbour)> ChangesAsync()
    {
        var purposes = app.Services.GetRequiredService<IConsentPurposes>();
        var reminders = (await purposes.ForClinicAsync(DemoClinic.Id, default)).Single(p => p.Key == Reminders);
        var t1 = reminders.Notices[0].PublishedAt.AddMinutes(1);
        var (owner, neighbour) = (DemoClinic.DemoOwner, Guid.NewGuid());
        var staff = new Actor(DemoClinic.DemoReceptionist, ActorRole.Receptionist, new ClinicId(DemoClinic.Id));
        await ChooseAsync(owner, MessageChannels.Sms, true, new ConsentEvidence(ConsentSources.Portal, "203.0.113.7", "Mozilla/5.0 (X11, Linux)"),
            Actor.Owner(new OwnerId(owner)), t1);
        await ChooseAsync(neighbour, MessageChannels.WhatsApp, true, new ConsentEvidence(ConsentSources.Portal, "198.51.100.1", "Safari"),
            Actor.Owner(new OwnerId(neighbour)), t1);
        await ChooseAsync(owner, MessageChannels.Email, true, new ConsentEvidence(ConsentSources.Staff, Note: "Phoned in, said \"yes please\""), staff, t1.AddHours(1));
        await ChooseAsync(owner, MessageChannels.Sms, false, new ConsentEvidence(ConsentSources.InboundMessage, MessageId: "SM0001"), null, t1.AddHours(2));
        return (t1, neighbour);
    }

    private async Task ChooseAsync(Guid owner, string channel, bool granted, ConsentEvidence evidence, Actor? by, DateTimeOffset at)
    {
        var (ledgers, ownerId, clinicId) = (app.Services.GetRequiredService<IConsentLedgers>(), new OwnerId(owner), new ClinicId(DemoClinic.Id));
        var purpose = (await app.Services.GetRequiredService<IConsentPurposes>().ForClinicAsync(DemoClinic.Id, default)).Single(p => p.Key == Reminders);
        var stream = await ledgers.LoadAsync(ownerId, clinicId, default);
        var decision = Consent.Decide(stream.Ledger, new ChooseConsent(ownerId, clinicId, Reminders, channel, granted, 1, evidence, by, at), purpose);
        decision.Events.Should().ContainSingle(decision.Error?.Message);
        await ledgers.SaveAsync(ownerId, clinicId, stream.Ledger.Revision, decision.Events,
            new EventMetadata(Guid.NewGuid(), null, by?.Tag ?? "inbound-message", at), default);
    }

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Each CSV line holds the JSON row's values, column by column (instants compared as instants).</summary>
    private static void SameRows(JsonElement rows, List<Dictionary<string, string>> csv)
    {
        csv.Should().HaveCount(rows.GetArrayLength());
        foreach (var (json, line) in rows.EnumerateArray().Zip(csv))
        {
            json.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(line.Keys);
            foreach (var (name, text) in line)
            {
                var value = json.GetProperty(name);
                var expected = value.ValueKind switch { JsonValueKind.Null => "", JsonValueKind.String => value.GetString()!, _ => value.GetRawText() };
                if (IsoInstant().IsMatch(expected))
                    DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).Should().Be(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), name);
                else
                    text.Should().Be(expected, name);
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT")]
    private static partial Regex IsoInstant();
}
