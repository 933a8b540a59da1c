using System.Diagnostics;
using System.Net;
using System.Text.Json;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.Booking;

internal sealed record SlotSearchResult(
    DateOnly From, int Booked, int BookingsTried, LatencyDistribution Latency, int Errors, int Slots, long ResponseBytes, CpuUsage Cpu);

/// <summary>
/// One week's free slots at a clinic shaped like the demo, searched again and again by one client after about
/// 100 bookings in that week were made through the API.
/// </summary>
internal static class SlotSearch
{
    public const int WarmUp = 50;
    public const int Searches = 500;
    public const int Days = 7;
    private const int Bookings = 100;

    public static async Task<SlotSearchResult> MeasureAsync(WebHost host, BenchClinic clinic, CancellationToken cancellationToken)
    {
        using var handler = BookingApi.Handler(clinic.Owners.Count);
        var monday = NextMonday();
        var booked = await BookWeekAsync(handler, clinic, monday, cancellationToken);

        using var client = BookingApi.Client(handler, owner: null);
        var path = BookingApi.SlotsPath(clinic, monday, Days);
        var latencies = new List<long>(Searches);
        var (errors, slots, bytes) = (0, 0, 0L);
        Func<CpuUsage>? endCpuWindow = null;
        for (var i = 0; i < WarmUp + Searches; i++)
        {
            if (i == WarmUp)
                endCpuWindow = CpuUsage.StartWindow(host.Process);
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = Stopwatch.GetTimestamp() - sent;
            if (i < WarmUp)
                continue;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors++;
                continue;
            }
            latencies.Add(elapsed);
            if (bytes == 0)
            {
                using var slotList = JsonDocument.Parse(body);
                (slots, bytes) = (slotList.RootElement.GetArrayLength(), body.Length);
            }
        }
        return new SlotSearchResult(monday, booked, Bookings, LatencyDistribution.FromStopwatchTicks(latencies), errors, slots, bytes, endCpuWindow!());
    }

    /// <summary>
    /// Five bookings a day, two hours apart, on each of the type's four resources, Monday to Friday, owners taking
    /// turns; returns how many got their 201.
    /// </summary>
    private static async Task<int> BookWeekAsync(SocketsHttpHandler handler, BenchClinic clinic, DateOnly monday, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZone);
        var clients = clinic.Owners.Select(o => BookingApi.Client(handler, o)).ToList();
        try
        {
            var booked = 0;
            for (var i = 0; i < Bookings; i++)
            {
                var (day, resource, turn) = (i % 5, i / 5 % 4, i / 20);
                var local = monday.AddDays(day).ToDateTime(new TimeOnly(8, 0)).AddHours(2 * turn).AddMinutes(15 * resource);
                var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
                var owner = i % clients.Count;
                var request = new BookRequest(clinic.Id, clinic.Owners[owner].Dog, clinic.Type, clinic.Resources[resource], start);
                var result = await BookingApi.BookAsync(clients[owner], request, cancellationToken);
                if (result.Failure is { } failure)
                    Progress.Write($"slot search: booking {start:yyyy-MM-dd HH:mm}Z on resource {resource + 1} refused: {failure}");
                else
                    booked++;
            }
            return booked;
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
    }

    private static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ahead = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }
}
