using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests.Clinics;

/// <summary>Clinics and staff made the way operators and admins make them: through the API and the invitation emails.</summary>
public static class Onboarding
{
    public const string StaffPassword = "a long staff passphrase";

    public static object ClinicDetails(string slug) => new
    {
        name = "Hillside Vets", slug, address = "1 Hill Road, Leeds LS1 1AA", timeZone = "Europe/London",
        contactEmail = "privacy@hillside.example", contactPhone = "+44 113 496 0000", grievanceContact = "ICO, ico.org.uk",
    };

    public static Task<HttpClient> OperatorAsync(this VetOSApp app) => app.SignedInBrowserAsync("operator@vetos.example", DemoAccounts.Password);

    public static async Task<Guid> CreateClinicAsync(this VetOSApp app, string? slug = null)
    {
        var created = await (await app.OperatorAsync()).PostAsJsonAsync("/api/operator/clinics", ClinicDetails(slug ?? $"clinic-{Guid.NewGuid():N}"[..20]));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Invites through <paramref name="inviter"/> at <paramref name="path"/>, accepts from the outbox and signs in.</summary>
    public static async Task<(Guid Account, HttpClient Session)> JoinAsync(this VetOSApp app, HttpClient inviter, string path, object invitation, string email)
    {
        var invited = await inviter.PostAsJsonAsync(path, invitation);
        invited.StatusCode.Should().Be(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var (account, token) = await app.LinkFor(email, "staff-invitation");
        var accepted = await app.Browser().PostAsJsonAsync("/api/account/accept-invitation", new { account, token, password = StaffPassword });
        accepted.StatusCode.Should().Be(HttpStatusCode.NoContent, await accepted.Content.ReadAsStringAsync());
        return (account, await app.SignedInBrowserAsync(email, StaffPassword));
    }

    /// <summary>A new clinic's admin, appointed by the operator.</summary>
    public static async Task<(Guid Account, HttpClient Session)> AdminOfAsync(this VetOSApp app, Guid clinic, string email) =>
        await app.JoinAsync(await app.OperatorAsync(), $"/api/operator/clinics/{clinic}/admins", new { name = "Hana Admin", email }, email);

    public static Task<(Guid Account, HttpClient Session)> StaffOfAsync(this VetOSApp app, HttpClient admin, Guid clinic, string role, string email) =>
        app.JoinAsync(admin, $"/api/clinics/{clinic}/staff", new { name = $"New {role}", email, role }, email);

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@hillside.example";
}
