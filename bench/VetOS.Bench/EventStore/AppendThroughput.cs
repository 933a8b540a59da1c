using VetOS.Bench.Measurement;

namespace VetOS.Bench.EventStore;

/// <summary>Writers appending flat out, each to its own streams, <c>batchSize</c> events per append.</summary>
internal static class AppendThroughput
{
    public static async Task<Throughput> MeasureAsync(BenchContext context, int writers, int batchSize, CancellationToken cancellationToken)
    {
        await context.Database.SettleAsync(cancellationToken);
        return await Throughput.MeasureAsync(
            writers,
            writer => Task.FromResult<IWorker>(new Worker(new StreamWriter(context.Database.Store, $"b{batchSize}x{writers}w{writer}", batchSize))),
            context.Options.WarmUp, context.Options.Duration, cancellationToken);
    }

    private sealed class Worker(StreamWriter writer) : IWorker
    {
        public async Task<int> StepAsync(CancellationToken cancellationToken) =>
            (await writer.AppendNextAsync("bench.booked", cancellationToken)).Length;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
