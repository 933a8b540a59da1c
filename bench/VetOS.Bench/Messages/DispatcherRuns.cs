using System.Diagnostics;
using Npgsql;
using VetOS.TestSupport;

namespace VetOS.Bench.Messages;

/// <summary>The dispatcher's three measurements: draining a backlog, keeping pace with reminders falling due, and idling.</summary>
internal sealed class DispatcherRuns(string connectionString, NpgsqlDataSource dataSource, ProviderStub stub, Transactions transactions)
{
    public sealed record Drain(int Reminders, double PerSecond, double CommitsPerReminder);

    public sealed record Paced(double PerSecond, Lateness Lateness, double CommitsPerReminder);

    /// <summary>Sends <paramref name="count"/> reminders all due already, from a standing start.</summary>
    public async Task<Drain> DrainAsync(int count, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        await Reminders.ClearAsync(dataSource, cancellationToken);
        await Reminders.QueueAsync(dataSource, count, DateTimeOffset.UtcNow.AddSeconds(-1), perSecond: null, cancellationToken);
        stub.Requests.Clear();
        var before = await transactions.ReadAsync(cancellationToken);
        var elapsed = Stopwatch.StartNew();
        await using (DispatcherHost.Start(connectionString, stub, settings))
        {
            await UntilSentAsync(count, cancellationToken);
            elapsed.Stop();
        }
        var after = await transactions.ReadAsync(cancellationToken);
        return new Drain(count, count / elapsed.Elapsed.TotalSeconds, Per(before, after, count));
    }

    /// <summary>Reminders falling due at <paramref name="perSecond"/> for <paramref name="seconds"/>, the dispatcher waiting for them.</summary>
    public async Task<Paced> PacedAsync(double perSecond, int seconds, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var count = (int)(perSecond * seconds);
        await Reminders.ClearAsync(dataSource, cancellationToken);
        stub.Requests.Clear();
        (long Commits, long Rollbacks) before;
        await using (DispatcherHost.Start(connectionString, stub, settings))
        {
            // Queued well ahead, as booking does: the dispatcher finds them at its idle look and sleeps until each falls due.
            await Reminders.QueueAsync(dataSource, count, DateTimeOffset.UtcNow.AddSeconds(8), perSecond, cancellationToken);
            before = await transactions.ReadAsync(cancellationToken);
            await UntilSentAsync(count, cancellationToken);
        }
        var after = await transactions.ReadAsync(cancellationToken);
        var lateness = await Reminders.LatenessAsync(dataSource, TimeSpan.FromMilliseconds(250), cancellationToken);
        return new Paced(perSecond, lateness, Per(before, after, count));
    }

    /// <summary>Statements a second with nothing due, over <paramref name="window"/> after the dispatcher settled.</summary>
    public async Task<double> IdleAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        await Reminders.ClearAsync(dataSource, cancellationToken);
        await using (DispatcherHost.Start(connectionString, stub))
        {
            await Task.Delay(Transactions.Settle, cancellationToken);
            var before = await transactions.ReadAsync(cancellationToken);
            var watch = Stopwatch.StartNew();
            await Task.Delay(window, cancellationToken);
            var after = await transactions.ReadAsync(cancellationToken);
            return (after.Commits + after.Rollbacks - before.Commits - before.Rollbacks) / watch.Elapsed.TotalSeconds;
        }
    }

    private async Task UntilSentAsync(int count, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (stub.Requests.Count < count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"Only {stub.Requests.Count} of {count} reminders were sent.");
            await Task.Delay(2, cancellationToken);
        }
    }

    private static double Per((long Commits, long Rollbacks) before, (long Commits, long Rollbacks) after, int count) =>
        (after.Commits + after.Rollbacks - before.Commits - before.Rollbacks) / (double)count;
}
