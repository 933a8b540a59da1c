namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>The dispatcher's settings (section <c>Messaging:Dispatcher</c>); docs/benchmarks.md gives what each costs and buys.</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Messaging:Dispatcher";

    /// <summary>
    /// Run the dispatcher in a background service of this process, without Hangfire (tests, a lone instance). Otherwise
    /// Hangfire's recurring job starts it, or a process of its own does (<c>VetOS.Web dispatch</c>).
    /// </summary>
    public bool RunInProcess { get; set; }

    /// <summary>Messages claimed, and put to the send-time gates, per transaction.</summary>
    public int ClaimBatch { get; set; } = 32;

    /// <summary>
    /// Messages sent at once and then recorded in one commit. A crash can leave up to this many sent but not recorded as
    /// sent, and those go again: 1 means at most one duplicate per crash and a commit per message; 3, at most three and
    /// about a third of a commit per message.
    /// </summary>
    public int SendTogether { get; set; } = 3;

    /// <summary>How long a claimed message stays claimed before another run may take it (longer than any provider call).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long past a message's due time the dispatcher waits so that messages falling due just after it share its
    /// transaction; a message queued to go at once wakes it without this wait.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>With nothing due, how long the dispatcher waits before looking again, unless woken first.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a message a provider keeps deferring is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the second attempt; it doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}
