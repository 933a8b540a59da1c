using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;

namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>
/// <c>VetOS.Web dispatch</c>: runs only the dispatcher, in the foreground, until SIGTERM or Ctrl-C; stands by while
/// another instance holds the dispatcher's lock. For a dedicated sender process, and for the crash test.
/// </summary>
public static class DispatchCommand
{
    public static async Task RunAsync(IServiceProvider services)
    {
        using var stop = new CancellationTokenSource();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        Console.WriteLine("dispatcher: running");
        await services.GetRequiredService<MessageDispatcher>().RunOrStandByAsync(stop.Token);
    }
}
