using System.Globalization;
using VetOS.Application.Consents;
using VetOS.Bench.Booking;
using VetOS.Bench.Measurement;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Consents;
using VetOS.Infrastructure.EventStore;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Bench.Consent;

/// <summary>
/// Issue 5: the as-of questions for one owner (the send-time check, every purpose and channel from the periods, the
/// same replayed from the events) and the clinic-wide report over 100,000 owners, against consent written through the
/// real ledger path.
/// </summary>
internal sealed class ConsentBenchmark : IBenchmark
{
    private const int Writers = 8;
    private const double AsOfP99GoalMs = 10;
    private const double ReportGoalSeconds = 2;
    private const string Reminders = ConsentPurpose.AppointmentReminders;

    public string Name => "consent";

    public async Task<BenchSection> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var name = $"{context.Options.DatabaseName}_consent";
        await using var database = await BenchDatabase.CreateAsync(context.ServerConnectionString, name, cancellationToken);
        var connectionString = BenchDatabase.ConnectionStringFor(context.ServerConnectionString, name);
        Progress.Write($"seeding {context.Options.ConsentOwners:N0} owners' consent streams with {Writers} writers into {name}");
        var clinic = await ConsentSeed.RunAsync(connectionString, context.Options.ConsentOwners, Writers, cancellationToken);
        Progress.Write($"seeded {clinic.Events:N0} events in {clinic.Elapsed.TotalSeconds:0} s; vacuum analyze");
        await database.ExecuteAsync("vacuum analyze", cancellationToken);
        await database.SettleAsync(cancellationToken);
        var periods = await database.QueryScalarAsync<long>("select count(*) from consent.periods", cancellationToken);

        var notes = new List<string>();
        void Cpu(string what, CpuUsage cpu)
        {
            var disturbed = cpu.Disturbed ? " — DISTURBED by other processes, rerun on a quiet machine" : "";
            notes.Add($"{what}: {cpu}{disturbed}.");
        }
        LatencyRun Report(string what, LatencyRun run)
        {
            Progress.Write($"{what}: p50 {run.Latency.P50Ms:0.00} ms, p99 {run.Latency.P99Ms:0.00} ms; {run.Cpu}");
            Cpu(what, run.Cpu);
            return run;
        }

        var serializer = new EventSerializer(EventTypeRegistry.FromAssemblies(typeof(ConsentGranted).Assembly), new PostgresPersonalDataKeys(database.DataSource));
        var ledgers = new PostgresConsentLedgers(database.DataSource, database.Store, database.Notifier, serializer);
        var asOf = new GetConsentAsOfHandler(new PostgresConsentReports(database.DataSource, database.Store, serializer), ledgers,
            new PostgresConsentPurposes(database.DataSource), TimeProvider.System);
        var check = new PostgresConsentCheck(database.DataSource);
        var checks = Report("IConsentCheck", await AsOfLatency.MeasureAsync(clinic, 1,
            (owner, at, channel) => check.HasConsentAsync(owner, clinic.Id, Reminders, channel, at, cancellationToken), cancellationToken));
        var projection = Report("As-of from the projection", await AsOfLatency.MeasureAsync(clinic, 2,
            (owner, at, _) => asOf.Handle(new GetConsentAsOfQuery(clinic.Id, owner, at, ConsentReplaySources.Projection), cancellationToken).AsTask(), cancellationToken));
        var replay = Report("As-of replayed from the events", await AsOfLatency.MeasureAsync(clinic, 3,
            (owner, at, _) => asOf.Handle(new GetConsentAsOfQuery(clinic.Id, owner, at, ConsentReplaySources.Events), cancellationToken).AsTask(), cancellationToken));

        await using var host = await WebHost.StartAsync(connectionString, cancellationToken);
        Progress.Write($"web host (pid {host.Process.Id}) ready on {WebHost.BaseAddress} over database {name}");
        using var client = new HttpClient { BaseAddress = WebHost.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Dev-Actor", $"auditor:{Guid.NewGuid()}@{clinic.Id}");
        var overHttp = Report("As-of from the projection over HTTP", await AsOfLatency.MeasureAsync(clinic, 4, async (owner, at, _) =>
        {
            using var response = await client.GetAsync($"/api/clinics/{clinic.Id}/consents/{owner}?at={Instant(at)}", cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }, cancellationToken, host.Process));

        var json = await ClinicReport.MeasureAsync(client, $"/api/clinics/{clinic.Id}/consents", csv: false, "consents", host.Process, cancellationToken);
        Progress.Write($"report, JSON: {json.Figure}, {json.Rows:N0} rows, {json.Bytes / 1048576.0:0.0} MiB");
        Cpu("Clinic report, JSON", json.Cpu);
        var csv = await ClinicReport.MeasureAsync(client, $"/api/clinics/{clinic.Id}/consents", csv: true, "consents", host.Process, cancellationToken);
        Progress.Write($"report, CSV: {csv.Figure}, {csv.Rows:N0} rows, {csv.Bytes / 1048576.0:0.0} MiB");
        Cpu("Clinic report, CSV", csv.Cpu);
        var month = $"from={Instant(clinic.Now.AddDays(-30))}&to={Instant(clinic.Now)}";
        var changes = await ClinicReport.MeasureAsync(client, $"/api/clinics/{clinic.Id}/consent-changes?{month}", csv: false, "changes", host.Process, cancellationToken);
        Progress.Write($"changes over 30 days, JSON: {changes.Figure}, {changes.Rows:N0} rows");
        Cpu("Changes over 30 days, JSON", changes.Cpu);
        host.EnsureRunning();

        var owners = $"{clinic.Owners.Count:N0} owners";
        List<BenchRow> rows =
        [
            new($"Seeding through `PostgresConsentLedgers.SaveAsync`, {clinic.Writers} writers", $"{clinic.Events / clinic.Elapsed.TotalSeconds:N0} events/s ({clinic.Events:N0} in {clinic.Elapsed.TotalSeconds:0} s)"),
            .. LatencyRows("Send-time check `IConsentCheck`, one purpose and channel", checks),
            .. LatencyRows("As-of, every purpose × channel of one owner, from `consent.periods`", projection),
            .. LatencyRows("As-of, every purpose × channel of one owner, replayed from the events", replay),
            .. LatencyRows("As-of over HTTP (`GET …/consents/{owner}?at=`, access log written)", overHttp),
            new($"Clinic report over {owners}, JSON (`GET …/consents`, {json.Rows:N0} rows, {json.Bytes / 1048576.0:0.0} MiB)", json.Figure,
                $"≤ {ReportGoalSeconds:0} s", Met: json.Slowest <= ReportGoalSeconds),
            new($"Clinic report over {owners}, CSV (`Accept: text/csv`, {csv.Rows:N0} rows, {csv.Bytes / 1048576.0:0.0} MiB)", csv.Figure,
                $"≤ {ReportGoalSeconds:0} s", Met: csv.Slowest <= ReportGoalSeconds),
            new($"Changes over the last 30 days, JSON ({changes.Rows:N0} rows)", changes.Figure),
        ];
        notes.InsertRange(0,
        [
            $"One clinic (appointment reminders by email, SMS and WhatsApp; notice 1, then a non-material rewording 30 days before the run) and {owners}, "
                + $"each choosing over 90 days through `Consent.Decide` and `PostgresConsentLedgers.SaveAsync`, one append per choice (sealed IP and browser, hash chain, "
                + $"`consent.periods` in the same transaction): about 60% grant SMS, 30% email (some through reception), 10% WhatsApp; 15% of grants withdrawn (SMS by a STOP reply); "
                + $"20% of standing SMS consents renewed to the reworded notice. {clinic.Events:N0} events, {periods:N0} periods. Seeding commits with `synchronous_commit=off`; every measurement runs with the server's setting.",
            $"As-of: one client, {AsOfLatency.Samples:N0} questions after {AsOfLatency.WarmUp} of warm-up, each about a random owner at a random instant of the 90 days "
                + "(and, for the check, a random channel), through the use case `GetConsentAsOfHandler` in the harness's process, or through the built web host over HTTP as an auditor "
                + "(with the pipeline, the access-log insert, and JSON).",
            $"Reports: through the built web host over HTTP/1.1 as an auditor, {ClinicReport.Runs} runs after one warm-up, each timed from sending the request to the last byte; "
                + "the goal is judged on the slowest run. Rows stream from PostgreSQL to the response without being collected.",
        ]);
        if (host.OutputLines > 0)
            Progress.Write($"the web host wrote {host.OutputLines:N0} lines:{host.Tail()}");
        if (host.OutputLines > 0)
            notes.Add($"The web host wrote {host.OutputLines:N0} lines of warnings or errors.");
        return new BenchSection("Consent (issue 5)", rows, notes);
    }

    private static IEnumerable<BenchRow> LatencyRows(string measure, LatencyRun run) =>
    [
        new($"{measure}, p50", $"{run.Latency.P50Ms:0.00} ms"),
        new($"{measure}, p99", $"{run.Latency.P99Ms:0.00} ms", $"≤ {AsOfP99GoalMs:0} ms", Met: run.Latency.P99Ms <= AsOfP99GoalMs),
    ];

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
}
