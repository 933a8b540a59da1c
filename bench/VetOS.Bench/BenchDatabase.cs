using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Bench;

/// <summary>A database of its own for this run, dropped and created afresh so earlier runs do not weigh on the figures.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Notifier = new EventStoreNotifier(dataSource, NullLogger<EventStoreNotifier>.Instance);
        Store = new PostgresEventStore(dataSource, Notifier);
    }

    public NpgsqlDataSource DataSource { get; }
    public EventStoreNotifier Notifier { get; }
    public PostgresEventStore Store { get; }

    /// <summary>Drops and creates the database; <paramref name="migrate"/> false leaves the schema to whoever connects next (the web host).</summary>
    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString, string name, CancellationToken cancellationToken, bool migrate = true)
    {
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false };
        if (admin.Database == name)
            admin.Database = "postgres";
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var sql in new[] { $"drop database if exists \"{name}\" with (force)", $"create database \"{name}\"" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var dataSource = VetOSDataSource.Create(ConnectionStringFor(serverConnectionString, name));
        if (migrate)
            await new SchemaMigrator(dataSource).MigrateAsync(cancellationToken);
        return new BenchDatabase(dataSource);
    }

    public static string ConnectionStringFor(string serverConnectionString, string name) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, MaxPoolSize = 100 }.ConnectionString;

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<T> QueryScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Flushes dirty pages so that no measurement inherits a checkpoint from the one before.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        try { await ExecuteAsync("checkpoint", cancellationToken); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege) { }
    }

    public async ValueTask DisposeAsync()
    {
        await Notifier.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
