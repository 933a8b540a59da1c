using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Messaging.Retention;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Audit;

/// <summary>Auditors see each message the clinic sent with its history, never its recipient or content, and every retention purge.</summary>
public sealed class DeliveryLogTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private static string Log(string path = "") => $"/api/clinics/{DemoClinic.Id}/delivery-log{path}";

    [Fact]
    public async Task An_auditor_finds_an_owners_messages_with_their_history_but_not_their_recipient_or_content()
    {
        var email = NewEmail();
        (await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(email))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var (account, _) = await app.LinkFor(email, "email-confirmation");
        var auditor = await app.SignedInBrowserAsync("auditor@riverside.example", DemoAccounts.Password);

        var raw = await auditor.GetStringAsync(new Uri(Log($"?owner={account}"), UriKind.Relative));
        var entries = JsonDocument.Parse(raw).RootElement.EnumerateArray().ToList();

        entries.Should().ContainSingle();
        var message = entries[0];
        message.GetProperty("template").GetString().Should().Be("email-confirmation");
        message.GetProperty("channel").GetString().Should().Be("email");
        message.GetProperty("status").GetString().Should().Be("sent");
        message.GetProperty("provider").GetString().Should().Be("outbox");
        message.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("attempt").GetInt32()} {h.GetProperty("status").GetString()}")
            .Should().Equal("0 queued", "1 sent");
        raw.Should().NotContain(email).And.NotContain("Confirm your email").And.NotContain("token");

        (await auditor.GetFromJsonAsync<JsonElement>(Log($"?owner={account}&status=failed"))).GetArrayLength().Should().Be(0);
        var later = Uri.EscapeDataString(app.Clock.GetUtcNow().AddMinutes(1).ToString("O"));
        (await auditor.GetFromJsonAsync<JsonElement>(Log($"?owner={account}&from={later}"))).GetArrayLength().Should().Be(0);
        (await auditor.GetAsync(new Uri(Log("?status=lost"), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Auditors_see_each_retention_purge_as_counts_and_times()
    {
        var old = app.Clock.GetUtcNow().AddDays(-100);
        await app.Database.ExecuteAsync("""
            insert into messaging.messages (id, clinic_id, owner_id, channel, template, recipient, subject, body, due_at, status, next_attempt_at, created_at, updated_at)
            values ($1, $2, $3, 'sms', 'reminder', '+447911123456', null, 'Biscuit is due', $4, 'delivered', $4, $4, $4)
            """, Guid.NewGuid(), DemoClinic.Id, DemoClinic.DemoOwner, old);

        await app.Services.GetRequiredService<RetentionPurge>().RunAsync(default);
        var auditor = await app.SignedInBrowserAsync("auditor@riverside.example", DemoAccounts.Password);
        var purges = await auditor.GetFromJsonAsync<JsonElement>(Log("/purges"));

        purges.GetArrayLength().Should().Be(1);
        purges[0].GetProperty("messages").GetInt32().Should().Be(1);
        purges[0].GetProperty("oldest").GetDateTimeOffset().Should().Be(old);
        purges[0].GetProperty("purgedAt").GetDateTimeOffset().Should().Be(app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Only_the_clinics_auditors_and_admins_read_its_delivery_log()
    {
        var reception = await app.SignedInBrowserAsync("reception@riverside.example", DemoAccounts.Password);
        var owner = await app.SignedInBrowserAsync("owner@riverside.example", DemoAccounts.Password);
        var admin = await app.SignedInBrowserAsync("admin@riverside.example", DemoAccounts.Password);
        var otherClinicsAuditor = app.ClientAs(new Domain.Actor(Guid.NewGuid(), Domain.ActorRole.Auditor, new Domain.ClinicId(Guid.NewGuid())));

        foreach (var path in new[] { Log(), Log("/purges") })
        {
            (await reception.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await owner.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await otherClinicsAuditor.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await admin.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
