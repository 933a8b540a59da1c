using System.Diagnostics;

namespace VetOS.Bench.Measurement;

internal sealed record Throughput(long Operations, long Items, TimeSpan Elapsed, CpuUsage Cpu)
{
    public double OperationsPerSecond => Operations / Elapsed.TotalSeconds;
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    /// <summary>
    /// Runs the workers flat out for the warm-up and then the measured window, and counts the operations that
    /// complete inside the window.
    /// </summary>
    public static async Task<Throughput> MeasureAsync(
        int workers, Func<int, Task<IWorker>> createWorker, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var created = new List<IWorker>(workers);
        try
        {
            for (var i = 0; i < workers; i++)
                created.Add(await createWorker(i));

            var windowStart = Stopwatch.GetTimestamp() + Ticks(warmUp);
            var windowEnd = windowStart + Ticks(duration);
            var operations = new long[workers];
            var items = new long[workers];
            var cpu = CpuUsage.MeasureAsync(windowStart, windowEnd, cancellationToken);
            await Task.WhenAll(created.Select((worker, i) => Task.Run(async () =>
            {
                while (true)
                {
                    var written = await worker.StepAsync(cancellationToken);
                    var now = Stopwatch.GetTimestamp();
                    if (now >= windowEnd)
                        return;
                    if (now >= windowStart)
                    {
                        operations[i]++;
                        items[i] += written;
                    }
                }
            }, cancellationToken)));
            return new Throughput(operations.Sum(), items.Sum(), duration, await cpu);
        }
        finally
        {
            foreach (var worker in created)
                await worker.DisposeAsync();
        }
    }

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
