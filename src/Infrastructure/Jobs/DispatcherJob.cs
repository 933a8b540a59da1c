using Hangfire;
using VetOS.Infrastructure.Messaging.Dispatch;

namespace VetOS.Infrastructure.Jobs;

/// <summary>
/// Hangfire's way in to the dispatcher: runs it until the server stops, or returns at once when another instance holds
/// its lock. Never retried by Hangfire: the next minute's run is the retry.
/// </summary>
public sealed class DispatcherJob(MessageDispatcher dispatcher)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.RunAsync(cancellationToken);
}
