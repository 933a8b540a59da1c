using System.Net.Http.Headers;
using System.Net.Http.Json;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Bookings;

namespace VetOS.Web.Tests.Bookings;

/// <summary>The booking API as the tests speak it, with the demo clinic's ids.</summary>
public static class BookingClient
{
    public static readonly Guid Clinic = DemoClinic.Id;
    public static readonly Actor DemoOwner = Actor.Owner(new OwnerId(DemoClinic.DemoOwner));
    public static readonly Actor Receptionist = new(DemoClinic.DemoReceptionist, ActorRole.Receptionist, new ClinicId(DemoClinic.Id));

    public static Task<HttpResponseMessage> Book(this HttpClient client, Guid type, Guid resource, DateTimeOffset start, Guid? pet = null, Guid? owner = null) =>
        client.PostAsJsonAsync("/api/appointments", new { clinic = Clinic, pet = pet ?? DemoClinic.Biscuit, appointmentType = type, resource, start, owner });

    public static async Task<BookingResponse> BookOk(this HttpClient client, Guid type, Guid resource, DateTimeOffset start, Guid? pet = null)
    {
        var response = await client.Book(type, resource, start, pet);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BookingResponse>())!;
    }

    public static Task<HttpResponseMessage> Change(this HttpClient client, Guid id, string action, object? body = null, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is { } revision)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{revision}\""));
        return client.SendAsync(request);
    }

    public static async Task<IReadOnlyList<FreeSlotView>> FreeSlots(this HttpClient client, Guid type, DateOnly from, int days = 7, Guid? resource = null)
    {
        var url = $"/api/clinics/{Clinic}/slots?type={type}&from={from:yyyy-MM-dd}&days={days}" + (resource is { } r ? $"&resource={r}" : "");
        return (await client.GetFromJsonAsync<List<FreeSlotView>>(url))!;
    }

    /// <summary>The rule a 4xx problem names.</summary>
    public static async Task<string?> RuleOf(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("rule").GetString();

    /// <summary>Tuesday 24 November 2026 at the given London time (GMT, so UTC too).</summary>
    public static DateTimeOffset Tuesday(int hour, int minute = 0) => new(2026, 11, 24, hour, minute, 0, TimeSpan.Zero);
}
