using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VetOS.Infrastructure.Messaging.Dispatch;

namespace VetOS.Infrastructure.Messaging;

/// <summary>
/// Wakes the dispatcher when a message is queued that falls due before its next look: at once in this process, and
/// through a coalesced NOTIFY, sent after the insert commits, wherever the dispatcher runs. A message due later is
/// found by the dispatcher's idle look, which comes at least that often.
/// </summary>
public sealed class MessageSignal : IAsyncDisposable
{
    public const string Channel = "vetos_messages";
    private static readonly TimeSpan NotifyInterval = TimeSpan.FromMilliseconds(5);

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeSpan horizon;
    private readonly ILogger<MessageSignal> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim notifyRequested = new(0, 1);
    private readonly Lazy<Task> notifier;
    private TaskCompletionSource signal = NewSignal();

    public MessageSignal(NpgsqlDataSource dataSource, IOptions<DispatcherOptions> options, ILogger<MessageSignal> logger)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        horizon = options.Value.IdlePoll;
        notifier = new Lazy<Task>(() => Task.Run(() => NotifyOthersAsync(stopping.Token)));
    }

    /// <summary>Completes at the next wake-up. Take it before looking at the queue, so nothing queued in between is missed.</summary>
    public Task NextSignal() => Volatile.Read(ref signal).Task;

    public void Wake() => Interlocked.Exchange(ref signal, NewSignal()).TrySetResult();

    /// <summary>Called after a message is queued.</summary>
    public void Queued(DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (dueAt - now > horizon)
            return;
        Wake();
        _ = notifier.Value;
        if (notifyRequested.CurrentCount == 0)
        {
            try { notifyRequested.Release(); }
            catch (SemaphoreFullException) { /* a NOTIFY is already on its way */ }
        }
    }

    private async Task NotifyOthersAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await notifyRequested.WaitAsync(cancellationToken);
                await using (var command = dataSource.CreateCommand($"notify {Channel}"))
                    await command.ExecuteNonQueryAsync(cancellationToken);
                await Task.Delay(NotifyInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Notifying the dispatcher of a queued message failed");
                try { await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (notifier.IsValueCreated)
        {
            try { await notifier.Value; }
            catch (OperationCanceledException) { }
        }
        stopping.Dispose();
        notifyRequested.Dispose();
    }
}
