using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.Booking;

/// <param name="Lookups">Queries the probe made, and <paramref name="MeanTurnMs"/> the time between them: its resolution.</param>
/// <param name="FirstQuarterMs">Mean lag of the earliest quarter of the samples; with <paramref name="LastQuarterMs"/>, whether the projection falls behind.</param>
internal sealed record ProjectionLag(
    LatencyDistribution Lag, int Sampled, int Missed, int SeenAtFirstLook, int Lookups, double MeanTurnMs, double FirstQuarterMs, double LastQuarterMs);

/// <summary>
/// Time from a booking's 201 to its row in <c>booking.appointments</c>: one loop on a connection of its own looks
/// up every watched booking still missing, pausing 1 ms between lookups, and gives up on one after <see cref="MaxWait"/>.
/// </summary>
internal sealed class ProjectionLagProbe(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<Watched> incoming = new();

    /// <summary>Watches a booking whose 201 arrived at <paramref name="created"/> (a Stopwatch timestamp).</summary>
    public void Watch(Guid booking, long created) => incoming.Enqueue(new Watched(booking, created));

    /// <summary>Looks until <paramref name="loadDone"/> completes and every watched booking is seen or given up.</summary>
    public async Task<ProjectionLag> RunAsync(Task loadDone, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<Guid, Watched>();
        var seen = new List<(long Created, long Lag)>();
        int sampled = 0, missed = 0, atFirstLook = 0, lookups = 0;
        var lookingTicks = 0L;
        var maxWait = Throughput.Ticks(MaxWait);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var look = new NpgsqlCommand("select id from booking.appointments where id = any($1)", connection);
        var ids = new NpgsqlParameter<Guid[]>();
        look.Parameters.Add(ids);
        while (!(loadDone.IsCompleted && incoming.IsEmpty && pending.Count == 0))
        {
            var turn = Stopwatch.GetTimestamp();
            while (incoming.TryDequeue(out var watched))
            {
                pending[watched.Booking] = watched;
                sampled++;
            }
            if (pending.Count > 0)
            {
                ids.TypedValue = [.. pending.Keys];
                lookups++;
                var found = new List<Guid>();
                await using (var reader = await look.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                        found.Add(reader.GetGuid(0));
                }
                var now = Stopwatch.GetTimestamp();
                foreach (var id in found)
                {
                    atFirstLook += pending[id].Looked ? 0 : 1;
                    seen.Add((pending[id].Created, now - pending[id].Created));
                    pending.Remove(id);
                }
                foreach (var watched in pending.Values)
                    watched.Looked = true;
                foreach (var late in pending.Values.Where(w => now - w.Created > maxWait).ToList())
                {
                    missed++;
                    pending.Remove(late.Booking);
                }
            }
            await Task.Delay(1, cancellationToken);
            if (pending.Count > 0)
                lookingTicks += Stopwatch.GetTimestamp() - turn;
        }

        var inOrder = seen.OrderBy(s => s.Created).Select(s => s.Lag * 1000.0 / Stopwatch.Frequency).ToList();
        var quarter = Math.Max(1, inOrder.Count / 4);
        return new ProjectionLag(
            LatencyDistribution.FromStopwatchTicks(seen.Select(s => s.Lag)), sampled, missed, atFirstLook, lookups,
            lookups == 0 ? 0 : lookingTicks * 1000.0 / Stopwatch.Frequency / lookups,
            inOrder.Take(quarter).DefaultIfEmpty(double.NaN).Average(), inOrder.TakeLast(quarter).DefaultIfEmpty(double.NaN).Average());
    }

    private sealed class Watched(Guid booking, long created)
    {
        public Guid Booking { get; } = booking;
        public long Created { get; } = created;
        public bool Looked { get; set; }
    }
}
