using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VetOS.Infrastructure;
using VetOS.Infrastructure.Jobs;
using VetOS.TestSupport;

namespace VetOS.Bench.Messages;

/// <summary>
/// Statements a second of an idle Hangfire server as the host runs it (<c>Jobs:RunServer</c>): its workers, heartbeat and
/// schedulers, the recurring jobs, and the dispatcher the recurring job started. The projections are not under test here.
/// </summary>
internal static class JobsIdle
{
    public static async Task<double> MeasureAsync(string connectionString, ProviderStub stub, Transactions transactions, TimeSpan window, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Postmark:ServerToken"] = "bench-token",
            ["Postmark:From"] = "Bench Clinic <hello@bench.example>",
            ["Postmark:BaseUrl"] = stub.BaseUrl.ToString(),
            ["Jobs:RunServer"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddVetOSInfrastructure(connectionString, configuration);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().Where(s => s is BackgroundJobServerHostedService or RecurringJobs).ToList();
        foreach (var service in hosted)
            await service.StartAsync(cancellationToken);
        try
        {
            await Task.Delay(Transactions.Settle, cancellationToken); // Hangfire's schema installed, the dispatcher started, their counts in
            var before = await transactions.ReadAsync(cancellationToken);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(window, cancellationToken);
            var after = await transactions.ReadAsync(cancellationToken);
            return (after.Commits + after.Rollbacks - before.Commits - before.Rollbacks) / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var service in Enumerable.Reverse(hosted))
                await service.StopAsync(CancellationToken.None);
        }
    }
}
