using Microsoft.Extensions.Hosting;

namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>The dispatcher as a background service of this process, when <see cref="DispatcherOptions.RunInProcess"/> is set.</summary>
internal sealed class DispatcherService(MessageDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => dispatcher.RunOrStandByAsync(stoppingToken), stoppingToken);
}
