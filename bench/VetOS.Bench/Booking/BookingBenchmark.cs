using VetOS.Bench.EventStore;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.Booking;

/// <summary>
/// Issue 3: bookings and free-slot search through real HTTP against the built web host, next to the bare INSERT
/// loop on the same server and database.
/// </summary>
internal sealed class BookingBenchmark : IBenchmark
{
    private const int Clients = 32;
    private const double ThroughputRatioGoal = 0.5;
    private const double BookingP99GoalMs = 25;
    private const double LagP99GoalMs = 100;
    private const double SearchP99GoalMs = 20;

    public string Name => "booking";

    public async Task<BenchSection> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var name = $"{context.Options.DatabaseName}_booking";
        await using var database = await BenchDatabase.CreateAsync(context.ServerConnectionString, name, cancellationToken, migrate: false);
        await using var host = await WebHost.StartAsync(BenchDatabase.ConnectionStringFor(context.ServerConnectionString, name), cancellationToken);
        Progress.Write($"web host (pid {host.Process.Id}) ready on {WebHost.BaseAddress} over database {name}");

        var loadClinic = BenchClinic.Load(resources: 2 * Clients, owners: Clients);
        var demoClinic = BenchClinic.DemoShaped(owners: 4);
        await database.ExecuteAsync(BenchClinic.LoadSql(loadClinic) + BenchClinic.DemoShapedSql(demoClinic), cancellationToken);

        var notes = new List<string>();
        void Cpu(string what, CpuUsage cpu)
        {
            var disturbed = cpu.Disturbed ? " — DISTURBED by other processes, rerun on a quiet machine" : "";
            Progress.Write($"{what}: {cpu}{disturbed}");
            notes.Add($"{what}: {cpu}{disturbed}.");
        }

        var bookingContext = context with { Database = database };
        var bare = await BareInsertLoop.MeasureAsync(bookingContext, Clients, cancellationToken);
        Progress.Write($"bare INSERT, {Clients} connections: {bare.ItemsPerSecond:N0} inserts/s");
        Cpu($"Bare INSERT, {Clients} connections", bare.Cpu);

        await database.SettleAsync(cancellationToken);
        var load = await BookingLoad.MeasureAsync(bookingContext, host, loadClinic, cancellationToken);
        host.EnsureRunning();
        Progress.Write($"bookings: {load.BookingsPerSecond:N0}/s, p50 {load.Latency.P50Ms:0.0} ms, p99 {load.Latency.P99Ms:0.0} ms, {load.ErrorCount} errors; "
            + $"projection lag p99 {load.Lag.Lag.P99Ms:0.0} ms");
        Cpu($"Bookings, {Clients} clients", load.Cpu);

        var search = await SlotSearch.MeasureAsync(host, demoClinic, cancellationToken);
        host.EnsureRunning();
        Progress.Write($"slot search: p50 {search.Latency.P50Ms:0.0} ms, p99 {search.Latency.P99Ms:0.0} ms, {search.Errors} errors");
        Cpu("Free-slot search", search.Cpu);

        var ratio = load.BookingsPerSecond / bare.ItemsPerSecond;
        var rows = new List<BenchRow>
        {
            new($"Bare INSERT + commit, {Clients} connections (same server, `{name}`)", $"{bare.ItemsPerSecond:N0} inserts/s", Ratio: "1.00"),
            new($"Bookings, POST /api/appointments, {Clients} clients", $"{load.BookingsPerSecond:N0} bookings/s",
                $"≥ {ThroughputRatioGoal:0.0}× bare loop", $"{ratio:0.00}", ratio >= ThroughputRatioGoal),
            new("Booking latency, request to 201, p50", $"{load.Latency.P50Ms:0.0} ms"),
            new("Booking latency, request to 201, p99", $"{load.Latency.P99Ms:0.0} ms", $"≤ {BookingP99GoalMs:0} ms", Met: load.Latency.P99Ms <= BookingP99GoalMs),
            new("Booking errors (not 201)", $"{load.ErrorCount:N0} of {load.Bookings + load.ErrorCount:N0}", "0", Met: load.ErrorCount == 0),
            new("Projection lag, 201 to row in `booking.appointments`, p50", $"{load.Lag.Lag.P50Ms:0.0} ms"),
            new("Projection lag, 201 to row in `booking.appointments`, p99", $"{load.Lag.Lag.P99Ms:0.0} ms",
                $"≤ {LagP99GoalMs:0} ms", Met: load.Lag.Lag.P99Ms <= LagP99GoalMs && load.Lag.Missed == 0),
            new("Projection lag, 201 to row in `booking.appointments`, max", $"{load.Lag.Lag.MaxMs:0.0} ms"),
            new($"Free-slot search, {SlotSearch.Days} days, p50", $"{search.Latency.P50Ms:0.0} ms"),
            new($"Free-slot search, {SlotSearch.Days} days, p99", $"{search.Latency.P99Ms:0.0} ms",
                $"≤ {SearchP99GoalMs:0} ms", Met: search.Latency.P99Ms <= SearchP99GoalMs && search.Errors == 0),
        };

        notes.InsertRange(0,
        [
            $"Through HTTP/1.1 against the built VetOS.Web started by the harness (Release, Development environment, log level Warning) on {WebHost.BaseAddress}, "
                + $"over a database of its own (`{name}`, recreated and migrated by the host each run); harness, web host and PostgreSQL share the machine.",
            $"Bookings: {Clients} clients, each an owner with one dog acting through `X-Dev-Actor`, booking 15-minute slots one after the other on two resources of its own "
                + $"at a clinic open round the clock in UTC (64 resources, no lead time, no buffer), so none conflict; counted over {context.Options.Duration.TotalSeconds:0} s "
                + $"after {context.Options.WarmUp.TotalSeconds:0} s of warm-up. Errors: {(load.ErrorCount == 0 ? "none" : string.Join(", ", load.Errors.Select(e => $"{e.Value:N0}× {e.Key}")))}.",
            $"Projection lag: every {BookingLoad.LagSampleEvery}th booking of each client ({load.Lag.Sampled:N0}), from its 201 arriving until one loop on a harness connection, "
                + $"looking up all watched bookings not yet seen with 1 ms pauses, finds its row; the loop made {load.Lag.Lookups:N0} lookups, one every {load.Lag.MeanTurnMs:0.0} ms "
                + $"(its resolution, and a load of its own); {load.Lag.SeenAtFirstLook:N0} were there at the first look, {load.Lag.Missed:N0} not within {ProjectionLagProbe.MaxWait.TotalSeconds:0} s. "
                + $"Mean lag of the earliest and latest quarter of the samples: {load.Lag.FirstQuarterMs:0} and {load.Lag.LastQuarterMs:0} ms (rising: the projection falls behind).",
            $"Free-slot search: GET `/api/clinics/{{clinic}}/slots?type=…&from={search.From:yyyy-MM-dd}&days={SlotSearch.Days}` (a Monday), one client, {SlotSearch.Searches} times after {SlotSearch.WarmUp} "
                + $"at a clinic shaped like the demo (Europe/London, 3 vets and 2 rooms, Mon–Fri 08:00–18:00, Sat 09:00–13:00, 10-minute buffer, a 20-minute type on 4 resources) "
                + $"holding {search.Booked} of {search.BookingsTried} bookings made through the API that week, besides the load clinic's; "
                + $"each answer lists {search.Slots:N0} free slots in {search.ResponseBytes / 1024.0:0} KiB of JSON; {search.Errors} errors.",
        ]);
        if (host.OutputLines > 0)
            notes.Add($"The web host wrote {host.OutputLines:N0} lines of warnings or errors.");
        return new BenchSection("Booking (issue 3)", rows, notes);
    }
}
