using System.Diagnostics;
using VetOS.Application.EventStore;

namespace VetOS.Bench.EventStore;

internal sealed record CatchUpResult(long Target, long Events, TimeSpan Elapsed, long ToppedUp)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
    public bool TimedOut => Events < Target;
}

/// <summary>A subscription from the start of a store holding at least the given number of events, until it has them all.</summary>
internal static class CatchUpRead
{
    private const int TopUpWriters = 8;
    private const int TopUpBatch = 100;

    public static async Task<CatchUpResult> MeasureAsync(BenchContext context, long events, CancellationToken cancellationToken)
    {
        var toppedUp = await TopUpAsync(context, events, cancellationToken);
        // Reads should not pay for setting hint bits on fresh rows, nor share the cores with autovacuum.
        await context.Database.ExecuteAsync("vacuum (analyze) event_store.events", cancellationToken);
        await context.Database.SettleAsync(cancellationToken);

        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeLimit.CancelAfter(context.Options.CatchUpTimeLimit);
        var delivered = 0L;
        var elapsed = Stopwatch.StartNew();
        try
        {
            await foreach (var _ in context.Database.Store.SubscribeToAll(Position.Start, cancellationToken: timeLimit.Token))
            {
                if (++delivered == events)
                    break;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Progress.Write($"catch-up stopped at the {context.Options.CatchUpTimeLimit.TotalSeconds:0} s limit after {delivered:N0} events");
        }
        return new CatchUpResult(events, delivered, elapsed.Elapsed, toppedUp);
    }

    private static async Task<long> TopUpAsync(BenchContext context, long events, CancellationToken cancellationToken)
    {
        var stored = await context.Database.QueryScalarAsync<long>("select count(*) from event_store.events", cancellationToken);
        var missing = events - stored;
        if (missing <= 0)
            return 0;
        Progress.Write($"topping up {stored:N0} stored events to {events:N0} with {TopUpBatch}-event appends from {TopUpWriters} writers");
        var remaining = missing;
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, TopUpWriters).Select(w => Task.Run(async () =>
        {
            var writer = new StreamWriter(context.Database.Store, $"topup-w{w}", TopUpBatch);
            while (Interlocked.Add(ref remaining, -TopUpBatch) > -TopUpBatch)
                await writer.AppendNextAsync("bench.booked", cancellationToken);
        }, cancellationToken)));
        Progress.Write($"topped up {missing:N0} events in {elapsed.Elapsed.TotalSeconds:0.0} s");
        return missing;
    }
}
