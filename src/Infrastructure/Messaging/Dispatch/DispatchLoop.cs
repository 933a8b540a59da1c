using Microsoft.Extensions.Options;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>
/// One run of the dispatcher while it holds the lock. Each turn records the last group's outcomes, claims what is due
/// and finds the next due time in one transaction; asks the gates once for the batch; then sends it a group at a time,
/// recording each group before the next goes out. Caught up, it sleeps until the next message falls due plus the
/// linger (so messages falling due together share a turn), until woken, or until the idle look.
/// </summary>
internal sealed class DispatchLoop(DispatchStore store, MessageSender sender, MessageSignal signal, IOptions<DispatcherOptions> options, TimeProvider clock)
{
    private readonly DispatcherOptions settings = options.Value;
    private List<Outcome> unrecorded = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var woken = signal.NextSignal();
                var (claimed, nextDue) = await store.RecordAndClaimAsync(unrecorded, settings.ClaimBatch, clock.GetUtcNow(), settings.Lease, cancellationToken);
                unrecorded = [];
                if (claimed.Count > 0)
                    await SendAsync(claimed, cancellationToken);
                if (claimed.Count < settings.ClaimBatch)
                    await SleepAsync(nextDue, woken, cancellationToken);
            }
        }
        finally
        {
            await RecordAsync(); // the last group goes on record before the lock is let go
        }
    }

    private async Task SendAsync(IReadOnlyList<ClaimedMessage> claimed, CancellationToken cancellationToken)
    {
        var reasons = await sender.SkipReasonsAsync(claimed, cancellationToken);
        var now = clock.GetUtcNow();
        var toSend = new List<ClaimedMessage>();
        for (var i = 0; i < claimed.Count; i++)
        {
            if (reasons[i] is { } reason)
                unrecorded.Add(Outcome.Skipped(claimed[i].Message.Id, reason, now));
            else
                toSend.Add(claimed[i]);
        }
        foreach (var group in toSend.Chunk(Math.Max(1, settings.SendTogether)))
        {
            // What went out is on record before more goes out: a crash can repeat one group at most.
            if (unrecorded.Any(o => o.Status != MessageStatuses.Skipped))
                await RecordAsync();
            unrecorded.AddRange(await sender.SendAsync(group, settings));
        }
    }

    private async Task SleepAsync(DateTimeOffset? nextDue, Task woken, CancellationToken cancellationToken)
    {
        var wait = settings.IdlePoll;
        if (nextDue is { } due)
            // A millisecond over, so a timer that fires a little early does not find the message not yet due.
            wait = TimeSpan.FromTicks(Math.Clamp((due + settings.Linger - clock.GetUtcNow()).Ticks + TimeSpan.TicksPerMillisecond, 0, settings.IdlePoll.Ticks));
        if (wait > settings.Linger)
            await RecordAsync(); // the log never lags by more than a linger
        if (wait <= TimeSpan.Zero)
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(woken, Task.Delay(wait, timeout.Token));
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task RecordAsync()
    {
        await store.RecordAsync(unrecorded, CancellationToken.None);
        unrecorded = [];
    }
}
