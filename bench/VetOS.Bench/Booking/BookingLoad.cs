using System.Collections.Concurrent;
using System.Diagnostics;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.Booking;

internal sealed record BookingLoadResult(
    long Bookings, IReadOnlyDictionary<string, long> Errors, TimeSpan Elapsed, LatencyDistribution Latency, CpuUsage Cpu, ProjectionLag Lag)
{
    public double BookingsPerSecond => Bookings / Elapsed.TotalSeconds;
    public long ErrorCount => Errors.Values.Sum();
}

/// <summary>
/// Clients booking flat out, each as its own owner on two resources of its own, one 15-minute slot after the
/// other from tomorrow 00:00 UTC, so no two bookings ever compete for a slot. Counts the 201s that arrive inside
/// the measured window, and watches every <see cref="LagSampleEvery"/>th of them reach the read model.
/// </summary>
internal static class BookingLoad
{
    public const int LagSampleEvery = 10;
    private const int SlotsPerDay = 95; // 00:00 to 23:30 starts: the clinic closes at 23:59

    public static async Task<BookingLoadResult> MeasureAsync(
        BenchContext context, WebHost host, BenchClinic clinic, CancellationToken cancellationToken)
    {
        var clients = clinic.Owners.Count;
        var firstDay = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
        using var handler = BookingApi.Handler(clients);
        var probe = new ProjectionLagProbe(context.Database.DataSource);
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<long>()).ToArray();
        var errors = new ConcurrentDictionary<string, long>();

        var windowStart = Stopwatch.GetTimestamp() + Throughput.Ticks(context.Options.WarmUp);
        var windowEnd = windowStart + Throughput.Ticks(context.Options.Duration);
        var cpu = CpuUsage.MeasureAsync(windowStart, windowEnd, cancellationToken, host.Process);
        var load = Task.WhenAll(Enumerable.Range(0, clients).Select(k => Task.Run(async () =>
        {
            var owner = clinic.Owners[k];
            using var client = BookingApi.Client(handler, owner);
            var measured = 0;
            for (var n = 0; ; n++)
            {
                var slot = n / 2;
                var request = new BookRequest(clinic.Id, owner.Dog, clinic.Type, clinic.Resources[2 * k + n % 2],
                    firstDay.AddDays(slot / SlotsPerDay).AddMinutes(15 * (slot % SlotsPerDay)));
                var sent = Stopwatch.GetTimestamp();
                var booked = await BookingApi.BookAsync(client, request, cancellationToken);
                var arrived = Stopwatch.GetTimestamp();
                if (arrived >= windowEnd)
                    return;
                if (arrived < windowStart)
                    continue;
                if (booked.Failure is { } failure)
                {
                    errors.AddOrUpdate(failure, 1, (_, count) => count + 1);
                    continue;
                }
                latencies[k].Add(arrived - sent);
                if (measured++ % LagSampleEvery == 0)
                    probe.Watch(booked.Id!.Value, arrived);
            }
        }, cancellationToken)));
        var lag = probe.RunAsync(load, cancellationToken);
        await load;
        return new BookingLoadResult(
            latencies.Sum(l => l.Count), errors, context.Options.Duration, LatencyDistribution.FromStopwatchTicks(latencies.SelectMany(l => l)),
            await cpu, await lag);
    }
}
