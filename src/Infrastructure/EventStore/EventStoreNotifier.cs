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

    private Task ListenAsync(CancellationToken cancellationToken) =>
        RestartOnFailure.RunAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            connection.Notification += (_, _) => Wake();
            await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                await listen.ExecuteNonQueryAsync(ct);
            Wake(); // anything appended while we were not listening
            while (!ct.IsCancellationRequested)
                await connection.WaitAsync(ct);
        }, e => logger.LogWarning(e, "Listening for appended events failed; retrying"), cancellationToken);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (started.IsValueCreated)
            await started.Value;
        stopping.Dispose();
        await notify.DisposeAsync();
    }
}
