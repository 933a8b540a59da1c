using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Consents;
using VetOS.Web.Consents;
using VetOS.Web.Tests.Clinics;

namespace VetOS.Web.Tests.Consents;

/// <summary>The consent API as the tests speak it, clinics of their own to publish notices at, and the send-time check.</summary>
public static class ConsentClient
{
    public const string Reminders = "appointment-reminders";
    public const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    public static readonly Guid Demo = DemoClinic.Id;

    public static Actor ReceptionistOf(Guid clinic) => new(Guid.NewGuid(), ActorRole.Receptionist, new ClinicId(clinic));

    public static Actor AdminOf(Guid clinic) => new(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(clinic));

    /// <summary>A new clinic, onboarded by an operator: it asks for appointment reminders with notice v1, like every clinic.</summary>
    public static async Task<Guid> NewClinicAsync(this VetOSApp app)
    {
        var created = await app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Operator))
            .PostAsJsonAsync("/api/operator/clinics", Onboarding.ClinicDetails($"clinic-{Guid.NewGuid():N}"[..20]));
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A client acting as the owner through a browser that names itself.</summary>
    public static HttpClient OwnerBrowser(this VetOSApp app, Actor owner)
    {
        var client = app.ClientAs(owner);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        return client;
    }

    public static Task<HttpResponseMessage> Choose(this HttpClient owner, string channel, bool? granted, int? noticeVersion = null, Guid? clinic = null,
        string purpose = Reminders) =>
        owner.PutAsJsonAsync($"/api/me/consents/{clinic ?? Demo}/{purpose}/{channel}", new { granted, noticeVersion });

    public static async Task<ConsentStanding> ChooseOk(this HttpClient owner, string channel, bool granted, int? noticeVersion = null, Guid? clinic = null,
        string purpose = Reminders)
    {
        var response = await owner.Choose(channel, granted, noticeVersion, clinic, purpose);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ConsentStanding>(ApiJson.Options))!;
    }

    public static Task<HttpResponseMessage> RecordOnOwnersWord(this HttpClient staff, Guid owner, string channel, bool? granted, int? noticeVersion,
        string? note, Guid? clinic = null) =>
        staff.PutAsJsonAsync($"/api/clinics/{clinic ?? Demo}/clients/{owner}/consents/{Reminders}/{channel}", new { granted, noticeVersion, note });

    public static async Task<MyConsents> Consents(this HttpClient owner, Guid? clinic = null) =>
        (await owner.GetFromJsonAsync<MyConsents>($"/api/me/consents?clinic={clinic ?? Demo}", ApiJson.Options))!;

    public static ChannelConsent Standing(this MyConsents consents, string channel, string purpose = Reminders) =>
        consents.Purposes.Single(p => p.Purpose == purpose).Channels.Single(c => c.Channel == channel);

    public static Task<HttpResponseMessage> Publish(this HttpClient admin, Guid clinic, string wording, bool material, string purpose = Reminders) =>
        admin.PostAsJsonAsync($"/api/clinics/{clinic}/consent-purposes/{purpose}/notices", new { wording, material });

    public static async Task<int> PublishOk(this HttpClient admin, Guid clinic, string wording, bool material, string purpose = Reminders)
    {
        var response = await admin.Publish(clinic, wording, material, purpose);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NoticeText>(ApiJson.Options))!.Version;
    }

    /// <summary>What the messages will ask before sending: did the owner consent at that instant?</summary>
    public static Task<bool> HasConsent(this VetOSApp app, Actor owner, string channel, DateTimeOffset at, Guid? clinic = null, string purpose = Reminders) =>
        app.Services.GetRequiredService<IConsentCheck>().HasConsentAsync(owner.Id, clinic ?? Demo, purpose, channel, at, CancellationToken.None);

    public static string StreamOf(Actor owner, Guid? clinic = null) => PostgresConsentLedgers.StreamOf(new OwnerId(owner.Id), new ClinicId(clinic ?? Demo)).Value;

    public static async Task<string?> RuleOf(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("rule", out var rule) ? rule.GetString() : null;
}
