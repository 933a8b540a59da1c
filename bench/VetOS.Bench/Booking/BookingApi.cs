using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VetOS.Bench.Booking;

/// <summary>The body of POST /api/appointments.</summary>
internal sealed record BookRequest(Guid Clinic, Guid Pet, Guid AppointmentType, Guid Resource, DateTimeOffset Start);

/// <summary>A booking's outcome: its id on 201, otherwise what went wrong ("422 slot-taken", "HttpRequestException").</summary>
internal readonly record struct Booked(Guid? Id, string? Failure);

/// <summary>The two calls the benchmark makes, over clients that share one connection pool.</summary>
internal static class BookingApi
{
    public static SocketsHttpHandler Handler(int connections) => new()
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    };

    /// <summary>A client acting as <paramref name="owner"/> (none: anonymous).</summary>
    public static HttpClient Client(SocketsHttpHandler handler, BenchOwner? owner)
    {
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = WebHost.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (owner is not null)
            client.DefaultRequestHeaders.Add("X-Dev-Actor", owner.ActorHeader);
        return client;
    }

    public static async Task<Booked> BookAsync(HttpClient client, BookRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/appointments", request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location
                && Guid.TryParse(location.OriginalString.AsSpan(location.OriginalString.LastIndexOf('/') + 1), out var id))
                return new Booked(id, null);
            return new Booked(null, $"{(int)response.StatusCode} {await RuleAsync(response, cancellationToken)}".TrimEnd());
        }
        catch (HttpRequestException e)
        {
            return new Booked(null, e.GetType().Name);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Booked(null, "timeout");
        }
    }

    public static string SlotsPath(BenchClinic clinic, DateOnly from, int days) =>
        $"/api/clinics/{clinic.Id}/slots?type={clinic.Type}&from={from:yyyy-MM-dd}&days={days}";

    /// <summary>The rule a problem response names, or its title.</summary>
    private static async Task<string> RuleAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return problem.TryGetProperty("rule", out var rule) ? rule.ToString()
                : problem.TryGetProperty("title", out var title) ? title.ToString() : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
