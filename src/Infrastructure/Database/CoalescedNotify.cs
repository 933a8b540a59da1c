using Microsoft.Extensions.Logging;
using Npgsql;

namespace VetOS.Infrastructure.Database;

/// <summary>
/// Sends <c>NOTIFY channel</c> outside any writing transaction, at most once per interval however often it is asked:
/// a NOTIFY inside a writing transaction takes a cluster-wide lock at commit and serialises all writers.
/// </summary>
public sealed class CoalescedNotify : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly NpgsqlDataSource dataSource;
    private readonly string channel;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim requested = new(0, 1);
    private readonly Lazy<Task> sender;

    public CoalescedNotify(NpgsqlDataSource dataSource, string channel, ILogger logger)
    {
        this.dataSource = dataSource;
        this.channel = channel;
        this.logger = logger;
        sender = new Lazy<Task>(() => Task.Run(() => SendAsync(stopping.Token)));
    }

    public void Request()
    {
        _ = sender.Value;
        if (requested.CurrentCount == 0)
        {
            try { requested.Release(); }
            catch (SemaphoreFullException) { /* a NOTIFY is already on its way */ }
        }
    }

    private Task SendAsync(CancellationToken cancellationToken) =>
        RestartOnFailure.RunAsync(async ct =>
        {
            await requested.WaitAsync(ct);
            await using (var command = dataSource.CreateCommand($"notify {channel}"))
                await command.ExecuteNonQueryAsync(ct);
            await Task.Delay(Interval, ct);
        }, e => logger.LogWarning(e, "NOTIFY {Channel} failed; trying again", channel), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (sender.IsValueCreated)
            await sender.Value;
        stopping.Dispose();
        requested.Dispose();
    }
}
