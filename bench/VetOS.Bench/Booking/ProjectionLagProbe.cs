using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.Booking;

internal sealed record ProjectionLag(LatencyDistribution Lag, int Sampled, int Missed, int SeenAtFirstLook);

/// <summary>
/// Time from a booking's 201 to its row in <c>booking.appointments</c>: one loop on a connection of its own looks
/// up every watched booking still missing, every millisecond, and gives up on one after <see cref="MaxWait"/>.
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
        var lags = new List<long>();
        int sampled = 0, missed = 0, atFirstLook = 0;
        var maxWait = Throughput.Ticks(MaxWait);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var look = new NpgsqlCommand("select id from booking.appointments where id = any($1)", connection);
        var ids = new NpgsqlParameter<Guid[]>();
        look.Parameters.Add(ids);
        while (!(loadDone.IsCompleted && incoming.IsEmpty && pending.Count == 0))
        {
            while (incoming.TryDequeue(out var watched))
            {
                pending[watched.Booking] = watched;
                sampled++;
            }
            if (pending.Count > 0)
            {
                ids.TypedValue = [.. pending.Keys];
                await using (var reader = await look.ExecuteReaderAsync(cancellationToken))
                {
                    var seen = new List<Guid>();
                    while (await reader.ReadAsync(cancellationToken))
                        seen.Add(reader.GetGuid(0));
                    var now = Stopwatch.GetTimestamp();
                    foreach (var id in seen)
                    {
                        var watched = pending[id];
                        if (!watched.Looked)
                            atFirstLook++;
                        lags.Add(now - watched.Created);
                        pending.Remove(id);
                    }
                }
                var lookedAt = Stopwatch.GetTimestamp();
                foreach (var watched in pending.Values.ToList())
                {
                    if (lookedAt - watched.Created > maxWait)
                    {
                        missed++;
                        pending.Remove(watched.Booking);
                    }
                    else
                    {
                        pending[watched.Booking] = watched with { Looked = true };
                    }
                }
            }
            await Task.Delay(1, cancellationToken);
        }
        return new ProjectionLag(LatencyDistribution.FromStopwatchTicks(lags), sampled, missed, atFirstLook);
    }

    private sealed record Watched(Guid Booking, long Created, bool Looked = false);
}
