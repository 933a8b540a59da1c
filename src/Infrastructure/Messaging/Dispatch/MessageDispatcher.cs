using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>
/// Sends every queued message when it falls due, on one instance at a time (the holder of an advisory lock). It claims
/// due messages in batches, asks the send-time gates, sends a few at once and records how each went; then it sleeps
/// until the next message falls due, a message is queued (LISTEN/NOTIFY, or a wake-up in this process), or the idle
/// look comes round. A message recorded as sent is never claimed again.
/// </summary>
public sealed class MessageDispatcher(
    NpgsqlDataSource dataSource, MessageSignal signal, TimeProvider clock,
    IServiceProvider services, ILogger<MessageDispatcher> logger)
{
    /// <summary>Runs until cancelled, standing by (and looking again each second) while another instance runs it.</summary>
    public Task RunOrStandByAsync(CancellationToken cancellationToken) =>
        RestartOnFailure.RunAsync(async ct =>
        {
            if (!await RunAsync(ct))
                await Task.Delay(RestartOnFailure.Pause, ct);
        }, Failed, cancellationToken);

    /// <summary>Runs until cancelled or until another instance is found running it.</summary>
    public Task RunWhileLeadingAsync(CancellationToken cancellationToken) =>
        RestartOnFailure.RunAsync(RunAsync, Failed, cancellationToken);

    /// <summary>Runs until cancelled. False at once when another instance is running it.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await SessionLock.Dispatcher.TryAcquireAsync(connection, cancellationToken))
            return false;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = ListenAsync(connection, running);
        try
        {
            await using var work = await dataSource.OpenConnectionAsync(running.Token);
            var store = new DispatchStore(work);
            var requeued = await store.RequeueInterruptedAsync(clock.GetUtcNow(), running.Token);
            if (requeued > 0)
                logger.LogWarning("{Count} messages were claimed by a dispatcher that stopped before recording them; they go again", requeued);
            await ActivatorUtilities.CreateInstance<DispatchLoop>(services, store).RunAsync(running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
        }
        finally
        {
            await running.CancelAsync();
            await listening;
            await SessionLock.Dispatcher.ReleaseAsync(connection);
        }
        return true;
    }

    /// <summary>Listens on the lock's own connection; if that connection fails, the lock is gone and so the run stops.</summary>
    private async Task ListenAsync(NpgsqlConnection connection, CancellationTokenSource running)
    {
        try
        {
            connection.Notification += (_, _) => signal.Wake();
            await using (var listen = new NpgsqlCommand($"listen {MessageSignal.Channel}", connection))
                await listen.ExecuteNonQueryAsync(running.Token);
            while (!running.IsCancellationRequested)
                await connection.WaitAsync(running.Token);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The dispatcher's lock connection failed; it stops");
            await running.CancelAsync();
        }
    }

    private void Failed(Exception e) => logger.LogError(e, "The dispatcher failed; it starts again");
}
