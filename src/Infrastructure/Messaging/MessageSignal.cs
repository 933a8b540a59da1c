using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VetOS.Infrastructure.Database;
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

    private readonly TimeSpan horizon;
    private readonly CoalescedNotify notify;
    private TaskCompletionSource signal = NewSignal();

    public MessageSignal(NpgsqlDataSource dataSource, IOptions<DispatcherOptions> options, ILogger<MessageSignal> logger)
    {
        horizon = options.Value.IdlePoll;
        notify = new CoalescedNotify(dataSource, Channel, logger);
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
        notify.Request();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask DisposeAsync() => notify.DisposeAsync();
}
