using VetOS.Bench.Measurement;

namespace VetOS.Bench.EventStore;

/// <summary>Issue 2: appends against a bare INSERT loop, catch-up reading, and live subscription latency.</summary>
internal sealed class EventStoreBenchmark : IBenchmark
{
    private const int Many = 32;
    private const int Batch = 100;
    private const int LatencyWriters = 8;
    private const double AppendRatioGoal = 0.9;
    private const double CatchUpGoal = 50_000;
    private const double LatencyP99GoalMs = 100;

    public string Name => "eventstore";

    public async Task<BenchSection> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        async Task<Throughput> Run(string what, Func<Task<Throughput>> measure)
        {
            var result = await measure();
            var disturbed = result.Cpu.Disturbed ? " — DISTURBED by other processes, rerun on a quiet machine" : "";
            Progress.Write($"{what}: {result.OperationsPerSecond:N0} ops/s, {result.ItemsPerSecond:N0} rows or events/s; {result.Cpu}{disturbed}");
            notes.Add($"{what}: {result.Cpu}{disturbed}.");
            return result;
        }

        var bare1 = await Run("bare INSERT, 1 connection", () => BareInsertLoop.MeasureAsync(context, 1, cancellationToken));
        var bareMany = await Run($"bare INSERT, {Many} connections", () => BareInsertLoop.MeasureAsync(context, Many, cancellationToken));
        var single1 = await Run("single-event appends, 1 writer", () => AppendThroughput.MeasureAsync(context, 1, 1, cancellationToken));
        var singleMany = await Run($"single-event appends, {Many} writers", () => AppendThroughput.MeasureAsync(context, Many, 1, cancellationToken));
        var batch1 = await Run($"{Batch}-event appends, 1 writer", () => AppendThroughput.MeasureAsync(context, 1, Batch, cancellationToken));
        var batchMany = await Run($"{Batch}-event appends, {Many} writers", () => AppendThroughput.MeasureAsync(context, Many, Batch, cancellationToken));

        var catchUp = await CatchUpRead.MeasureAsync(context, context.Options.CatchUpEvents, cancellationToken);
        Progress.Write($"catch-up: {catchUp.Events:N0} events in {catchUp.Elapsed.TotalSeconds:0.0} s");

        var latency = await SubscriptionLatency.MeasureAsync(context, singleMany.OperationsPerSecond / 2, LatencyWriters, cancellationToken);
        Progress.Write($"latency: {latency.Latency.Count:N0} events, p99 {latency.Latency.P99Ms:0.0} ms");

        var rows = new List<BenchRow>
        {
            new("Bare INSERT + commit, 1 connection", $"{bare1.ItemsPerSecond:N0} inserts/s", Ratio: "1.00"),
            new($"Bare INSERT + commit, {Many} connections", $"{bareMany.ItemsPerSecond:N0} inserts/s", Ratio: "1.00"),
            AppendRow("Single-event appends, 1 writer", single1, bare1, AppendRatioGoal),
            AppendRow($"Single-event appends, {Many} writers", singleMany, bareMany, AppendRatioGoal),
            AppendRow($"{Batch}-event appends, 1 writer", batch1, bare1, goal: null),
            AppendRow($"{Batch}-event appends, {Many} writers", batchMany, bareMany, goal: null),
            new($"Catch-up subscription from the start over {catchUp.Target:N0} events",
                catchUp.TimedOut
                    ? $"{catchUp.EventsPerSecond:N0} events/s (stopped at the time limit: {catchUp.Events:N0} events in {catchUp.Elapsed.TotalSeconds:0} s)"
                    : $"{catchUp.EventsPerSecond:N0} events/s",
                $"≥ {CatchUpGoal:N0} events/s", Met: catchUp.EventsPerSecond >= CatchUpGoal),
            new("Subscription latency, commit to handler, p50", $"{latency.Latency.P50Ms:0.0} ms"),
            new("Subscription latency, commit to handler, p99", $"{latency.Latency.P99Ms:0.0} ms",
                $"≤ {LatencyP99GoalMs:0} ms", Met: latency.Latency.P99Ms <= LatencyP99GoalMs),
            new("Subscription latency, commit to handler, max", $"{latency.Latency.MaxMs:0.0} ms"),
        };

        notes.InsertRange(0,
        [
            $"Events are {SampleEvent.Size} bytes of JSON (data and metadata); the bare loop inserts a json row of the same content into `bench.bare` over a connection held by each worker. Every write is durable (`synchronous_commit` as the server has it).",
            $"Each figure is counted over {context.Options.Duration.TotalSeconds:0} s after {context.Options.WarmUp.TotalSeconds:0} s of warm-up. Writers append with an exact expected revision, each to 100 streams of its own in turn.",
            $"Catch-up: the store was topped up with {catchUp.ToppedUp:N0} events ({Batch}-event appends) on top of those the append runs wrote, vacuumed, then read by `SubscribeToAll(Position.Start)` until {catchUp.Target:N0} events were delivered or {context.Options.CatchUpTimeLimit.TotalSeconds:0} s passed; it delivered {catchUp.Events:N0} in {catchUp.Elapsed.TotalSeconds:0.0} s.",
            $"Latency: {latency.Writers} writers paced to {latency.TargetRate:N0} single-event appends/s (half the {Many}-writer maximum), achieved {latency.AchievedRate:N0}/s; "
                + $"{latency.Latency.Count:N0} events measured, {latency.DeliveredBeforeAppendReturned:N0} delivered before their append call returned (counted as 0 ms), {latency.Undelivered:N0} not delivered.",
        ]);
        return new BenchSection("Event store (issue 2)", rows, notes);
    }

    private static BenchRow AppendRow(string measure, Throughput appends, Throughput bare, double? goal)
    {
        var ratio = appends.ItemsPerSecond / bare.ItemsPerSecond;
        var figure = appends.Items == appends.Operations
            ? $"{appends.OperationsPerSecond:N0} appends/s = events/s"
            : $"{appends.ItemsPerSecond:N0} events/s ({appends.OperationsPerSecond:N0} appends/s)";
        return goal is null
            ? new BenchRow(measure, figure, Ratio: $"{ratio:0.00}")
            : new BenchRow(measure, figure, $"≥ {goal:0.0}× bare loop", $"{ratio:0.00}", ratio >= goal);
    }
}
