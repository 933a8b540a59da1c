using VetOS.Bench.Measurement;
using VetOS.Infrastructure.Messaging.Dispatch;
using VetOS.TestSupport;

namespace VetOS.Bench.Messages;

/// <summary>
/// Issue 6: the dispatcher sending reminders through the Postmark client to a local stand-in, against a Hangfire job
/// per reminder doing the same in the same run.
/// </summary>
internal sealed class MessagesBenchmark : IBenchmark
{
    private const int DrainCount = 20_000;
    private const int SweepCount = 5_000;
    private const double PacedRate = 500;
    private const int PacedSeconds = 10;
    private const int BaselineCount = 1_500;
    private static readonly int[] SendTogetherSweep = [1, 2, 3, 4, 8];
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(60);

    public string Name => "messages";

    public async Task<BenchSection> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var name = $"{context.Options.DatabaseName}_messages";
        await using var database = await BenchDatabase.CreateAsync(context.ServerConnectionString, name, cancellationToken);
        var connectionString = BenchDatabase.ConnectionStringFor(context.ServerConnectionString, name);
        await Reminders.SetUpAsync(database.DataSource, cancellationToken);
        await using var stub = await ProviderStub.StartAsync();
        stub.Responder = _ => new StubAnswer(200, $$"""{"To":"","SubmittedAt":"2026-11-23T09:00:00Z","MessageID":"{{Guid.NewGuid()}}","ErrorCode":0,"Message":"OK"}""");
        var transactions = new Transactions(context.ServerConnectionString, name);
        var runs = new DispatcherRuns(connectionString, database.DataSource, stub, transactions);
        var defaults = new DispatcherOptions();
        var notes = new List<string>();

        var cpu = CpuUsage.StartWindow();
        var drain = await runs.DrainAsync(DrainCount, [], cancellationToken);
        notes.Add($"Dispatcher draining {DrainCount:N0} reminders: {cpu()}.");
        Progress.Write($"dispatcher: {drain.PerSecond:N0} reminders/s, {drain.CommitsPerReminder:0.00} commits each");
        var sweep = new List<(int SendTogether, DispatcherRuns.Drain Drain)>();
        foreach (var sendTogether in SendTogetherSweep)
        {
            sweep.Add((sendTogether, await runs.DrainAsync(SweepCount, DispatcherHost.Settings(sendTogether: sendTogether), cancellationToken)));
            Progress.Write($"  sending {sendTogether} at once: {sweep[^1].Drain.PerSecond:N0}/s, {sweep[^1].Drain.CommitsPerReminder:0.00} commits each");
        }

        cpu = CpuUsage.StartWindow();
        var paced = await runs.PacedAsync(PacedRate, PacedSeconds, [], cancellationToken);
        notes.Add($"Dispatcher keeping pace with {PacedRate:N0} reminders/s: {cpu()}.");
        Progress.Write($"paced: {paced.Lateness.ShareWithin:P2} within 250 ms, p99 {paced.Lateness.P99Ms:0} ms, {paced.CommitsPerReminder:0.00} commits each");
        var unlingered = await runs.PacedAsync(PacedRate, PacedSeconds, DispatcherHost.Settings(linger: TimeSpan.Zero), cancellationToken);
        Progress.Write($"paced, no linger: {unlingered.Lateness.ShareWithin:P2} within 250 ms, {unlingered.CommitsPerReminder:0.00} commits each");

        var idle = await runs.IdleAsync(IdleWindow, cancellationToken);
        Progress.Write($"idle dispatcher: {idle:0.00} statements/s");
        var jobsIdle = await JobsIdle.MeasureAsync(connectionString, stub, transactions, IdleWindow, cancellationToken);
        Progress.Write($"idle Hangfire server with the dispatcher: {jobsIdle:0.00} statements/s");

        await Reminders.ClearAsync(database.DataSource, cancellationToken);
        cpu = CpuUsage.StartWindow();
        var baseline = await HangfireBaseline.MeasureAsync(connectionString, database.DataSource, stub, transactions, BaselineCount, cancellationToken);
        notes.Add($"Hangfire baseline: {cpu()}.");
        Progress.Write($"baseline: {baseline.PerSecond:N0} reminders/s, {baseline.CommitsPerReminder:0.0} commits each");

        var ratio = drain.PerSecond / baseline.PerSecond;
        var rows = new List<BenchRow>
        {
            new($"Hangfire job per reminder (baseline), {BaselineCount:N0} due together, {HangfireBaseline.Workers} workers", $"{baseline.PerSecond:N0} reminders/s", Ratio: "1.00"),
            new("Hangfire job per reminder: commits per reminder", $"{baseline.CommitsPerReminder:0.0}"),
            new($"Dispatcher, {DrainCount:N0} due together (claims of {defaults.ClaimBatch}, sent {defaults.SendTogether} at once)", $"{drain.PerSecond:N0} reminders/s",
                "≥ 10× baseline", $"{ratio:0.0}", ratio >= 10),
            new("Dispatcher: commits per reminder", $"{drain.CommitsPerReminder:0.00}", "≤ 0.5", Met: drain.CommitsPerReminder <= 0.5),
            new($"Dispatcher, reminders falling due at {PacedRate:N0}/s for {PacedSeconds} s: share sent within 250 ms of due", $"{paced.Lateness.ShareWithin:P2}",
                "≥ 99%", Met: paced.Lateness.ShareWithin >= 0.99),
            new("… lateness p50 / p99 / max", $"{paced.Lateness.P50Ms:0} / {paced.Lateness.P99Ms:0} / {paced.Lateness.MaxMs:0} ms"),
            new("… commits per reminder", $"{paced.CommitsPerReminder:0.00}", "≤ 0.5", Met: paced.CommitsPerReminder <= 0.5),
            new($"… with no linger: share within 250 ms; commits per reminder", $"{unlingered.Lateness.ShareWithin:P2}; {unlingered.CommitsPerReminder:0.00}"),
            new("Dispatcher idle: statements/s", $"{idle:0.00}", "≤ 5", Met: idle <= 5),
            new("Hangfire server idle with its recurring jobs and the dispatcher: statements/s", $"{jobsIdle:0.00}", "≤ 5", Met: jobsIdle <= 5),
        };
        rows.AddRange(sweep.Select(s => new BenchRow(
            $"Sent {s.SendTogether} at once ({SweepCount:N0} due together): at most {s.SendTogether} duplicate{(s.SendTogether == 1 ? "" : "s")} per crash",
            $"{s.Drain.PerSecond:N0} reminders/s, {s.Drain.CommitsPerReminder:0.00} commits each")));

        notes.InsertRange(0,
        [
            $"In the harness's process, over a database of its own (`{name}`, recreated each run, `synchronous_commit` as the server has it): the dispatcher as the host composes it, "
                + "sending through the Postmark client (typed HttpClient, standard resilience pipeline) to a local stand-in that answers each request at once with a new message id. "
                + $"Reminders are emails needing consent to appointment reminders, spread over {Reminders.Owners:N0} owners who all consented, so each claim also asks the consent gate once.",
            "Commits are `xact_commit + xact_rollback` of that database in `pg_stat_database`, read from another database once the counted connections closed; "
                + "every statement outside a transaction counts as one, reads included. Statements/s when idle are the same count over 60 s with nothing due, counted from 12 s after start (when idle backends have handed in their counts).",
            $"Lateness: sent (the provider's answer, recorded as `sent_at`) minus due. The reminders were queued 8 s ahead and fall due evenly at {PacedRate:N0}/s; "
                + $"the dispatcher sleeps until the next falls due plus its linger ({defaults.Linger.TotalMilliseconds:0} ms), so that those falling due just after share its turn.",
            $"Baseline: each reminder a Hangfire job scheduled for its due time (`BackgroundJobClient.Schedule`, arguments: the message id), in schema `hangfire_baseline`; "
                + $"{HangfireBaseline.Workers} workers, the scheduler polling each second; each job loads its message, sends it the same way and records it. "
                + $"Rate from the due time to the last send; scheduling the {BaselineCount:N0} jobs beforehand took {baseline.SchedulingSeconds:0.0} s and is not counted.",
            "Crash safety against commits: a group sent at once is recorded in one commit before the next goes out, so a crash repeats at most that group "
                + "(the crash test kills the dispatcher process four times in 10,000 sends and checks exactly that). `Messaging:Dispatcher:SendTogether` sets the group.",
        ]);
        return new BenchSection("Messages (issue 6)", rows, notes, "Ratio to baseline");
    }
}
