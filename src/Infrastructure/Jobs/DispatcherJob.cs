using Hangfire;
using Microsoft.Extensions.Logging;
using VetOS.Infrastructure.Messaging.Dispatch;

namespace VetOS.Infrastructure.Jobs;

/// <summary>
/// Hangfire's way in to the dispatcher: runs it until the server stops, or returns at once when another instance holds
/// its lock. A run that fails starts again here at once rather than at the next minute's trigger; Hangfire itself never
/// retries the job, as the next minute's run is its retry.
/// </summary>
public sealed class DispatcherJob(MessageDispatcher dispatcher, ILogger<DispatcherJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await dispatcher.RunAsync(cancellationToken))
                    return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "The dispatcher failed; it starts again");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
