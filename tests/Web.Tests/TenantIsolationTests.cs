using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Clinics;

namespace VetOS.Web.Tests;

/// <summary>
/// Walks every route that takes an id with another clinic's staff, and with another owner, aimed at the demo clinic and
/// the demo owner's records: each answer is 403 or 404 and carries none of their data, and nothing of theirs changes.
/// A new route with a parameter this test does not know fails it, so no route escapes the walk.
/// </summary>
public sealed class TenantIsolationTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    /// <summary>Routes anyone may use on any clinic, by design, and why.</summary>
    private static readonly Dictionary<string, string> Public = new()
    {
        ["GET /api/clinics/{clinicId:guid}/"] = "a clinic's public details (its page)",
        ["GET /api/clinics/{clinicId:guid}/slots"] = "free slots show no one's data",
        ["POST /api/clinics/{clinicId:guid}/join"] = "any owner may become a client of any clinic",
        ["PUT /api/me/consents/{clinicId:guid}/{purpose}/{channel}"] = "the signed-in owner's own consent; staff are refused (Consents tests)",
        ["GET /api/me/conversations/{clinicId:guid}"] = "the signed-in owner's own conversation with that clinic; staff are refused (Conversations tests)",
        ["POST /api/me/conversations/{clinicId:guid}/messages"] = "the signed-in owner writing in their own conversation; staff are refused (Conversations tests)",
        ["GET me/conversations/{clinicId:guid}"] = "the signed-in owner's own conversation page; staff are no owners",
        ["POST me/conversations/{clinicId:guid}"] = "the signed-in owner writing on their own conversation page",
        ["GET /openapi/{documentName}.json"] = "the API's description",
        ["GET /docs/{documentName?}"] = "the API's reference page",
        ["GET c/{slug}"] = "a clinic's public page",
        ["GET c/{slug}/sign-up"] = "signing up through a clinic's page",
        ["GET book/{slug}"] = "any signed-in owner may book at any clinic (becoming its client first); the page shows only their own pets",
    };

    /// <summary>Valid bodies where an empty object would be refused as invalid before the question of whose record it is arises.</summary>
    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["POST /api/appointments/{id:guid}/reschedule"] = $$"""{"resourceId":"{{DemoClinic.DrLind}}","start":"2026-11-24T14:00:00Z"}""",
        ["POST /api/appointments/{id:guid}/decline"] = """{"reason":"fully booked"}""",
        ["POST /api/clinics/{clinicId:guid}/privacy-requests/{requestId:guid}/verify-identity"] = """{"how":"Mallory vouched"}""",
        ["POST /api/clinics/{clinicId:guid}/privacy-requests/{requestId:guid}/extend"] = """{"months":1,"reason":"Mallory"}""",
        ["POST /api/clinics/{clinicId:guid}/privacy-requests/{requestId:guid}/close"] = """{"status":"PartlyRefused","outcome":"Mallory"}""",
        ["POST /api/clinics/{clinicId:guid}/privacy-requests/{requestId:guid}/correct-contact-details"] =
            """{"name":"Mallory","phone":"+447911123457","preferredChannel":"sms","why":"Mallory"}""",
        ["POST /api/clinics/{clinicId:guid}/privacy-requests/{requestId:guid}/verify-erasure"] = """{"name":"Alex Morgan"}""",
        ["POST /api/me/privacy-requests/{requestId:guid}/correct-contact-details"] =
            """{"name":"Mallory","phone":"+447911123459","preferredChannel":"sms","why":"Mallory"}""",
        ["PUT /api/clinics/{clinicId:guid}/setup/opening-hours"] = "[]",
        ["POST /api/clinics/{clinicId:guid}/conversations/{ownerId:guid}/messages"] = """{"body":"Mallory was here"}""",
        ["PUT /api/me/pets/{petId:guid}"] = """{"name":"Stolen","species":"dog"}""",
        ["POST /api/me/pets/{petId:guid}/archive"] = """{"reason":"deceased"}""",
        ["PUT /api/clinics/{clinicId:guid}/clients/{ownerId:guid}/contact"] = """{"name":"Mallory","phone":"+447911123458","preferredChannel":"email"}""",
        ["PUT /api/clinics/{clinicId:guid}/clients/{ownerId:guid}/consents/{purpose}/{channel}"] = """{"granted":false,"note":"Mallory says so"}""",
        ["POST /api/clinics/{clinicId:guid}/consent-purposes"] = """{"key":"mallory-offers","name":"Offers","channels":["sms"],"wording":"Mallory's offers"}""",
        ["POST /api/clinics/{clinicId:guid}/consent-purposes/{purpose}/notices"] = """{"wording":"Mallory's wording","material":true}""",
    };

    [Fact]
    public async Task Every_id_bearing_route_refuses_other_clinics_staff_and_other_owners()
    {
        var victimOwner = await app.SignedInBrowserAsync("owner@riverside.example", DemoAccounts.Password);
        var appointment = await app.ClientAs(BookingClient.DemoOwner).BookOk(DemoClinic.Vaccination, DemoClinic.DrOkafor, BookingClient.Tuesday(11));
        var filed = await victimOwner.PostAsJsonAsync("/api/me/privacy-requests", new { clinic = DemoClinic.Id, kind = "erasure" });
        var victimsRequest = (await filed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        (await victimOwner.PostAsJsonAsync($"/api/me/conversations/{DemoClinic.Id}/messages", new { body = "Biscuit's stitches look red" }))
            .EnsureSuccessStatusCode();
        var values = new Dictionary<string, string>
        {
            ["requestId"] = victimsRequest,
            ["format"] = "json",
            ["clinicId"] = DemoClinic.Id.ToString(),
            ["id"] = appointment.Id.ToString(),
            ["ownerId"] = DemoClinic.DemoOwner.ToString(),
            ["petId"] = DemoClinic.Biscuit.ToString(),
            ["accountId"] = DemoClinic.DemoReceptionist.ToString(),
            ["day"] = "2026-11-24",
            ["purpose"] = "appointment-reminders",
            ["channel"] = "sms",
        };
        string[] victimsData = ["Alex Morgan", "owner@riverside.example", "+447911123456", "Biscuit", "Riya Shah", "reception@riverside.example"];

        var clinic = await app.CreateClinicAsync();
        var (_, admin) = await app.AdminOfAsync(clinic, Onboarding.NewEmail("admin"));
        var attackers = new Dictionary<string, HttpClient>
        {
            ["clinic admin of another clinic"] = admin,
            ["receptionist of another clinic"] = (await app.StaffOfAsync(admin, clinic, "Receptionist", Onboarding.NewEmail("reception"))).Session,
            ["vet of another clinic"] = (await app.StaffOfAsync(admin, clinic, "Vet", Onboarding.NewEmail("vet"))).Session,
            ["auditor of another clinic"] = (await app.StaffOfAsync(admin, clinic, "Auditor", Onboarding.NewEmail("auditor"))).Session,
            ["another owner of the same clinic"] = await AnotherOwnerAsync(),
        };

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (method, e.RoutePattern)))
            .ToList();
        routes.Should().NotBeEmpty();
        var failures = new List<string>();
        var walked = 0;
        foreach (var (method, pattern) in routes)
        {
            var key = $"{method} {pattern.RawText}";
            if (Public.ContainsKey(key))
                continue;
            var unknown = pattern.Parameters.Select(p => p.Name).Where(name => !values.ContainsKey(name)).ToList();
            if (unknown.Count > 0)
            {
                failures.Add($"{key}: give the walk a value for {string.Join(", ", unknown)}");
                continue;
            }
            var path = pattern.Parameters.Aggregate(pattern.RawText!, (p, parameter) =>
                System.Text.RegularExpressions.Regex.Replace(p, $"{{{parameter.Name}(:[^}}]*)?}}", values[parameter.Name]));
            foreach (var (who, client) in attackers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                    request.Content = new StringContent(Bodies.GetValueOrDefault(key, "{}"), Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                walked++;
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    failures.Add($"{key} as {who}: {(int)response.StatusCode} {body}");
                else if (victimsData.FirstOrDefault(body.Contains) is { } leaked)
                    failures.Add($"{key} as {who}: answered {(int)response.StatusCode} but showed \"{leaked}\"");
            }
        }

        failures.Should().BeEmpty(string.Join(Environment.NewLine, failures));
        walked.Should().BeGreaterThan(20 * attackers.Count);
        var after = await victimOwner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/appointments/{appointment.Id}");
        after.GetProperty("status").GetString().Should().Be("Confirmed");
        after.GetProperty("start").GetDateTimeOffset().Should().Be(BookingClient.Tuesday(11));
        (await app.Database.ScalarAsync<string>("select role from clinic.staff where account_id = $1", DemoClinic.DemoReceptionist)).Should().Be("receptionist");
        (await app.Database.ScalarAsync<string>("select name from clinic.clinics where id = $1", DemoClinic.Id)).Should().Be(DemoClinic.Name);
        (await app.Database.ScalarAsync<long>("select count(*) from consent.notices where clinic_id = $1", DemoClinic.Id)).Should().Be(1);
        (await app.Database.ScalarAsync<string>("select status from privacy.requests where id = $1", Guid.Parse(victimsRequest))).Should().Be("received");
        (await app.Database.ScalarAsync<long>("select count(*) from conversations.messages where owner_id = $1", DemoClinic.DemoOwner)).Should().Be(1);
        (await app.Database.ScalarAsync<bool>("select awaiting_since is not null from conversations.threads where owner_id = $1", DemoClinic.DemoOwner))
            .Should().BeTrue("nobody answered, read or settled it");
        var biscuit = await victimOwner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/me/pets/{DemoClinic.Biscuit}");
        biscuit.GetProperty("name").GetString().Should().Be("Biscuit");
        biscuit.GetProperty("archived").GetBoolean().Should().BeFalse();
        (await victimOwner.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/profile")).GetProperty("name").GetString().Should().Be("Alex Morgan");
    }

    private async Task<HttpClient> AnotherOwnerAsync()
    {
        var email = $"another-owner-{Guid.NewGuid():N}@example.org";
        var signUp = await app.Browser().PostAsJsonAsync("/api/account/sign-up",
            new { clinic = DemoClinic.Id, name = "Eve Other", email, phone = "+44 7911 123457", password = "another owners passphrase" });
        signUp.EnsureSuccessStatusCode();
        var (account, token) = await app.LinkFor(email, "email-confirmation");
        (await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account, token })).EnsureSuccessStatusCode();
        return await app.SignedInBrowserAsync(email, "another owners passphrase");
    }
}
