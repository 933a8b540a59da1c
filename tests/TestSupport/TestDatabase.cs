using Npgsql;
using VetOS.Infrastructure.Database;

namespace VetOS.TestSupport;

/// <summary>
/// A database of its own for one test class, on the server <c>./vetos test</c> starts, so classes run in parallel.
/// Migrated unless told otherwise; dropped at the end.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    private readonly bool migrate;

    public TestDatabase() : this(migrate: true) { }

    protected TestDatabase(bool migrate) => this.migrate = migrate;

    public string Name { get; } = $"vetos_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("VETOS_TEST_DATABASE") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("VETOS_TEST_DATABASE is not set: run the tests with ./vetos test.");

    public virtual async Task InitializeAsync()
    {
        await using (var server = NpgsqlDataSource.Create(ServerConnectionString))
        await using (var create = server.CreateCommand($"create database {Name}"))
            await create.ExecuteNonQueryAsync();

        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString)
        {
            Database = Name,
            MaxPoolSize = 50,
            // Durability is not under test here; commits that wait for no fsync keep the suite fast.
            Options = "-c synchronous_commit=off",
        }.ConnectionString;
        DataSource = VetOSDataSource.Create(ConnectionString);
        if (migrate)
            await new SchemaMigrator(DataSource).MigrateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var server = NpgsqlDataSource.Create(ServerConnectionString);
        await using var drop = server.CreateCommand($"drop database if exists {Name} with (force)");
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A database with no schema yet.</summary>
public sealed class EmptyTestDatabase() : TestDatabase(migrate: false);
