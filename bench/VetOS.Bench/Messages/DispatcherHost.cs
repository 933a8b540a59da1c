using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VetOS.Infrastructure;
using VetOS.Infrastructure.Messaging.Dispatch;
using VetOS.TestSupport;

namespace VetOS.Bench.Messages;

/// <summary>
/// The dispatcher as the host composes it (Postmark's typed client with its resilience pipeline), in this process,
/// sending to the stand-in. Disposing stops it and closes its connections, so their counts reach the statistics.
/// </summary>
internal sealed class DispatcherHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly CancellationTokenSource stop = new();
    private readonly Task<bool> run;

    private DispatcherHost(ServiceProvider services)
    {
        this.services = services;
        run = Task.Run(() => services.GetRequiredService<MessageDispatcher>().RunAsync(stop.Token));
    }

    public static DispatcherHost Start(string connectionString, ProviderStub stub, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Postmark:ServerToken"] = "bench-token",
            ["Postmark:From"] = "Bench Clinic <hello@bench.example>",
            ["Postmark:BaseUrl"] = stub.BaseUrl.ToString(),
        }.Concat((settings ?? new Dictionary<string, string?>()).Where(s => s.Value is not null))).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddVetOSInfrastructure(connectionString, configuration);
        return new DispatcherHost(services.BuildServiceProvider());
    }

    public static Dictionary<string, string?> Settings(int? sendTogether = null, TimeSpan? linger = null) => new()
    {
        [$"{DispatcherOptions.Section}:{nameof(DispatcherOptions.SendTogether)}"] = sendTogether?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{DispatcherOptions.Section}:{nameof(DispatcherOptions.Linger)}"] = linger?.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (!await run)
            throw new InvalidOperationException("Another dispatcher holds the lock on the benchmark's database.");
        await services.DisposeAsync();
        stop.Dispose();
    }
}
