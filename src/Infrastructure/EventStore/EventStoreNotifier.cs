using Microsoft.Extensions.Logging;
using Npgsql;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.EventStore;

/// <summary>
/// Wakes subscriptions when events are appended: at once for subscriptions in this process, and through
/// LISTEN/NOTIFY for other instances. The NOTIFY is sent after the append commits and coalesced, because
/// a NOTIFY inside the writing transaction takes a cluster-wide lock at commit and serialises all writers.
/// </summary>
public sealed class EventStoreNotifier : IAsyncDisposable
{
    public const string Channel = "vetos_events";

    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<EventStoreNotifier> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly CoalescedNotify notify;
    private readonly Lazy<Task> started;
    private TaskCompletionSource signal = NewSignal();

    public EventStoreNotifier(NpgsqlDataSource dataSource, ILogger<EventStoreNotifier> logger)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        notify = new CoalescedNotify(dataSource, Channel, logger);
        started = new Lazy<Task>(() => Task.Run(() => ListenAsync(stopping.Token)));
    }

    /// <summary>A task that completes at the next wake-up. Take it before reading, so no append is missed in between.</summary>
    public Task NextSignal()
    {
        _ = started.Value;
        return Volatile.Read(ref signal).Task;
    }

    /// <summary>Called after an append commits.</summary>
    public void Appended()
    {
        _ = started.Value;
        Wake();
        notify.Request();
    }

    private void Wake() => Interlocked.Exchange(ref signal, NewSignal()).TrySetResult();

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                Wake(); // anything appended while we were not listening
                while (!cancellationToken.IsCancellationRequested)
                    await connection.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for appended events failed; retrying");
                await Pause(cancellationToken);
            }
        }
    }

    private static async Task Pause(CancellationToken cancellationToken)
    {
        try { await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); }
        catch (OperationCanceledException) { }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (started.IsValueCreated)
        {
            try { await started.Value; }
            catch (OperationCanceledException) { }
        }
        stopping.Dispose();
        await notify.DisposeAsync();
    }
}
