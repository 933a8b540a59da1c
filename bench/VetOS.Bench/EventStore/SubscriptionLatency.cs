using System.Collections.Concurrent;
using System.Diagnostics;
using VetOS.Application.EventStore;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.EventStore;

internal sealed record LatencyResult(
    LatencyDistribution Latency, double TargetRate, double AchievedRate, int Writers, long Undelivered, long DeliveredBeforeAppendReturned);

/// <summary>
/// Paced writers and one live subscription: for every event, the time from its append returning (committed) to the
/// subscription handing it over.
/// </summary>
internal static class SubscriptionLatency
{
    private const string MeasuredType = "bench.latency";
    private const string WarmUpType = "bench.latency-warmup";
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    public static async Task<LatencyResult> MeasureAsync(BenchContext context, double appendsPerSecond, int writers, CancellationToken cancellationToken)
    {
        await context.Database.SettleAsync(cancellationToken);
        var matcher = new Matcher();
        using var stopSubscription = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscription = SubscribeAsync(context.Database, await CurrentEndAsync(context, cancellationToken), matcher, stopSubscription.Token);

        var measureStart = Stopwatch.GetTimestamp() + Throughput.Ticks(context.Options.WarmUp);
        var measureEnd = measureStart + Throughput.Ticks(context.Options.Duration);
        var interval = Stopwatch.Frequency * writers / appendsPerSecond;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var writer = new StreamWriter(context.Database.Store, $"latency-w{w}", batchSize: 1);
            var due = (double)Stopwatch.GetTimestamp() + interval * w / writers;
            while (Stopwatch.GetTimestamp() < measureEnd)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), (long)due);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, cancellationToken);
                var measured = Stopwatch.GetTimestamp() >= measureStart;
                var events = await writer.AppendNextAsync(measured ? MeasuredType : WarmUpType, cancellationToken);
                var committed = Stopwatch.GetTimestamp();
                if (measured)
                    matcher.Committed(events[0].EventId, committed);
                due = Math.Max(due + interval, committed - 10 * interval); // behind schedule: catch up, but not in one burst
            }
        }, cancellationToken)));

        await matcher.DrainedAsync(DrainTimeout, cancellationToken);
        await stopSubscription.CancelAsync();
        await subscription;
        var achieved = matcher.CommittedCount / context.Options.Duration.TotalSeconds;
        return new LatencyResult(LatencyDistribution.FromStopwatchTicks(matcher.Latencies), appendsPerSecond, achieved, writers, matcher.Undelivered, matcher.DeliveredFirst);
    }

    private static async Task SubscribeAsync(BenchDatabase database, Position from, Matcher matcher, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var recorded in database.Store.SubscribeToAll(from, cancellationToken: cancellationToken))
            {
                var delivered = Stopwatch.GetTimestamp();
                if (recorded.Type == MeasuredType)
                    matcher.Delivered(recorded.EventId, delivered);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
    }

    private static async Task<Position> CurrentEndAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Database.DataSource.CreateCommand(
            "select transaction_id::text::bigint, sequence from event_store.events order by events.transaction_id desc, events.sequence desc limit 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Position((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1))
            : Position.Start;
    }

    /// <summary>
    /// Pairs each event's commit time with its delivery time, whichever is seen first: the subscription can be
    /// woken and deliver an event before its writer's append call has returned, which counts as no latency.
    /// </summary>
    private sealed class Matcher
    {
        private readonly ConcurrentDictionary<Guid, Sighting> firstSeen = new();
        private readonly ConcurrentQueue<long> latencies = new();
        private long committed;
        private long deliveredFirst;

        public IEnumerable<long> Latencies => latencies;
        public long CommittedCount => Interlocked.Read(ref committed);
        public long Undelivered => CommittedCount - latencies.Count;
        public long DeliveredFirst => Interlocked.Read(ref deliveredFirst);

        public void Committed(Guid eventId, long timestamp)
        {
            Interlocked.Increment(ref committed);
            Match(eventId, timestamp, isCommit: true);
        }

        public void Delivered(Guid eventId, long timestamp) => Match(eventId, timestamp, isCommit: false);

        public async Task DrainedAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var giveUp = Stopwatch.GetTimestamp() + Throughput.Ticks(timeout);
            while (Undelivered > 0 && Stopwatch.GetTimestamp() < giveUp)
                await Task.Delay(10, cancellationToken);
        }

        private void Match(Guid eventId, long timestamp, bool isCommit)
        {
            // The first sighting waits in the dictionary; the second takes it out and records the pair.
            var sighting = new Sighting(timestamp, isCommit);
            if (firstSeen.TryAdd(eventId, sighting))
                return;
            if (!firstSeen.TryRemove(eventId, out var other) || other.IsCommit == isCommit)
                throw new InvalidOperationException($"Event {eventId} was {(isCommit ? "committed" : "delivered")} twice.");
            var (commit, delivery) = isCommit ? (sighting, other) : (other, sighting);
            if (isCommit)
                Interlocked.Increment(ref deliveredFirst);
            latencies.Enqueue(Math.Max(0, delivery.Timestamp - commit.Timestamp));
        }

        private readonly record struct Sighting(long Timestamp, bool IsCommit);
    }
}
