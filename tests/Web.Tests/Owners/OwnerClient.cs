using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Owners;

namespace VetOS.Web.Tests.Owners;

/// <summary>The profile, pets and client-record API as the tests speak it, and clients of the demo clinic to act as.</summary>
public static class OwnerClient
{
    public static readonly Guid Clinic = DemoClinic.Id;
    public static readonly Actor Receptionist = new(DemoClinic.DemoReceptionist, ActorRole.Receptionist, new ClinicId(DemoClinic.Id));
    public static readonly Actor Vet = new(DemoClinic.DrOkafor, ActorRole.Vet, new ClinicId(DemoClinic.Id));
    public static readonly Actor Admin = new(Guid.Parse("0d9a3a0e-0005-4000-8000-0000000000ad"), ActorRole.ClinicAdmin, new ClinicId(DemoClinic.Id));

    /// <summary>An owner with an account (name, email, phone), a client of the demo clinic.</summary>
    public static async Task<(Actor Owner, string Email)> NewClient(this VetOSApp app, string name = "Ada Lovelace", string phone = "+447911123123", Guid? clinic = null)
    {
        var id = Guid.NewGuid();
        var email = $"owner-{id:N}@example.org";
        await app.Database.ExecuteAsync("""
            insert into identity.users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                                        phone_number, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                        security_stamp, concurrency_stamp)
            values ($1, $2, $3, upper($3), $3, upper($3), true, $4, false, false, true, 0, $5, $5)
            """, id, name, email, phone, Guid.NewGuid().ToString());
        await app.Database.ExecuteAsync("insert into owners.clinic_clients (clinic_id, owner_id) values ($1, $2)", clinic ?? Clinic, id);
        return (Actor.Owner(new OwnerId(id)), email);
    }

    public static object Pet(string name = "Pepper", string species = "dog", decimal? weightKg = 12.5m, string notes = "Bites when nervous") =>
        new { name, species, breed = "Beagle", birthDate = "2020-05-01", sex = "female", neutered = true, weightKg, notes };

    public static async Task<PetChangeResponse> AddPetOk(this HttpClient owner, object? pet = null)
    {
        var response = await owner.PostAsJsonAsync("/api/me/pets", pet ?? Pet());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PetChangeResponse>())!;
    }

    public static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, object body, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is { } revision)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{revision}\""));
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) => client.GetAsync(new Uri(url, UriKind.Relative));

    public static async Task<IReadOnlyList<HistoryEntry>> History(this HttpClient owner) =>
        (await owner.GetFromJsonAsync<List<HistoryEntry>>("/api/me/history"))!;

    public static async Task<PetView> PetOf(this HttpClient owner, Guid pet) => (await owner.GetFromJsonAsync<PetView>($"/api/me/pets/{pet}"))!;

    public static async Task<JsonElement> Problem(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<IEnumerable<string>> ErrorFields(this HttpResponseMessage response) =>
        (await response.Problem()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}
