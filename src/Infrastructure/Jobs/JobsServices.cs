using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace VetOS.Infrastructure.Jobs;

public static class JobsServices
{
    /// <summary>
    /// Hangfire on the same database in its own schema (<c>hangfire</c>, installed by Hangfire when first used); the
    /// server only when <c>Jobs:RunServer</c>. The storage is this host's own service rather than Hangfire's global
    /// one, so several hosts in one process (tests) never share it, and it is built only when something needs it.
    /// </summary>
    public static IServiceCollection AddVetOSJobs(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = jobs.QueuePollInterval,
        };
        // Hangfire keeps no session state on its connections, so they skip the reset statement a pooled connection otherwise sends each time it is taken.
        var hangfireConnections = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(hangfireConnections, storageOptions, null), storageOptions));
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (jobs.RunServer)
        {
            services.AddHangfireServer(options => options.WorkerCount = jobs.WorkerCount);
            services.AddHostedService<RecurringJobs>();
        }
        return services;
    }
}
