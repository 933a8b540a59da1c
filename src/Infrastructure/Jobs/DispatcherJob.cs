using Hangfire;
using VetOS.Infrastructure.Messaging.Dispatch;

namespace VetOS.Infrastructure.Jobs;

/// <summary>
/// Hangfire's way in to the dispatcher: runs it until the server stops, or returns at once when another instance holds
/// its lock. A run that fails starts again here at once rather than at the next minute's trigger; Hangfire itself never
/// retries the job, as the next minute's run is its retry.
/// </summary>
public sealed class DispatcherJob(MessageDispatcher dispatcher)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.RunWhileLeadingAsync(cancellationToken);
}
