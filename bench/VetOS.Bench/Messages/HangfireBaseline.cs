using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using VetOS.Application.Messaging;
using VetOS.TestSupport;

namespace VetOS.Bench.Messages;

/// <summary>
/// The design the dispatcher replaces: a Hangfire job per reminder, scheduled for its due time. Each job loads its
/// message, sends it through the same Postmark client to the same stand-in, and records it as the dispatcher does.
/// Hangfire in its own schema, 20 workers (its default ceiling), the delayed-job scheduler polling every second.
/// </summary>
internal static class HangfireBaseline
{
    public const int Workers = 20;

    public sealed record Result(int Reminders, double PerSecond, double CommitsPerReminder, double SchedulingSeconds);

    public static async Task<Result> MeasureAsync(
        string connectionString, NpgsqlDataSource dataSource, ProviderStub stub, Transactions transactions, int count, CancellationToken cancellationToken)
    {
        // Configured as the host configures Hangfire (JobsServices), in a schema of its own.
        var storageOptions = new PostgreSqlStorageOptions { SchemaName = "hangfire_baseline", PrepareSchemaIfNecessary = true };
        var hangfireConnections = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(hangfireConnections, storageOptions, null), storageOptions);
        GlobalConfiguration.Configuration.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseLogProvider(new Silent());

        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        await Reminders.QueueAsync(dataSource, count, due, perSecond: null, cancellationToken);
        var ids = new List<Guid>();
        await using (var command = dataSource.CreateCommand("select id from messaging.messages"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetGuid(0));
        var client = new BackgroundJobClient(storage);
        var scheduling = Stopwatch.StartNew();
        foreach (var id in ids)
            client.Schedule<ReminderJob>(job => job.SendAsync(id), due);
        scheduling.Stop();

        var before = await transactions.ReadAsync(cancellationToken);
        stub.Requests.Clear();
        using var provider = DispatcherHostProvider.Create(stub);
        var options = new BackgroundJobServerOptions
        {
            WorkerCount = Workers,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            Activator = new ReminderJobActivator(new ReminderJob(dataSource, provider.Email)),
        };
        var started = DateTimeOffset.UtcNow;
        using (new BackgroundJobServer(options, storage))
        {
            while (stub.Requests.Count < count)
                await Task.Delay(10, cancellationToken);
            await WaitUntilRecordedAsync(dataSource, count, cancellationToken);
        }
        var finished = DateTimeOffset.UtcNow;
        NpgsqlConnection.ClearAllPools();
        var after = await transactions.ReadAsync(cancellationToken);
        var seconds = (finished - (due > started ? due : started)).TotalSeconds;
        return new Result(count, count / seconds, (after.Commits + after.Rollbacks - before.Commits - before.Rollbacks) / (double)count, scheduling.Elapsed.TotalSeconds);
    }

    private static async Task WaitUntilRecordedAsync(NpgsqlDataSource dataSource, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var command = dataSource.CreateCommand("select count(*) from messaging.messages where status = 'sent'");
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! >= count)
                return;
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>One reminder's job: its id is its only argument.</summary>
    public sealed class ReminderJob(NpgsqlDataSource dataSource, IEmailProvider email)
    {
        public async Task SendAsync(Guid message)
        {
            string recipient, subject, body, template;
            await using (var load = dataSource.CreateCommand("select recipient, subject, body, template from messaging.messages where id = $1 and status = 'queued'"))
            {
                load.Parameters.AddWithValue(message);
                await using var reader = await load.ExecuteReaderAsync();
                if (!await reader.ReadAsync())
                    return;
                (recipient, subject, body, template) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
            var answer = await email.SendAsync(new OutgoingEmail(recipient, subject, body, template, []), CancellationToken.None);
            await using var record = dataSource.CreateCommand("""
                with m as (update messaging.messages set status = 'sent', attempts = 1, provider = $2, provider_message_id = $3, sent_at = now(), updated_at = now()
                            where id = $1 returning id, clinic_id)
                insert into messaging.delivery_log (message_id, clinic_id, attempt, status, provider, provider_message_id, at) select id, clinic_id, 1, 'sent', $2, $3, now() from m
                """);
            record.Parameters.AddWithValue(message);
            record.Parameters.AddWithValue(answer.Provider);
            record.Parameters.AddWithValue(answer.ProviderMessageId ?? "");
            await record.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Hangfire's log goes nowhere here (the idle measurement before left it pointing at a disposed host's).</summary>
    private sealed class Silent : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    private sealed class ReminderJobActivator(ReminderJob job) : JobActivator
    {
        public override object ActivateJob(Type jobType) => jobType == typeof(ReminderJob) ? job : base.ActivateJob(jobType);
    }
}
