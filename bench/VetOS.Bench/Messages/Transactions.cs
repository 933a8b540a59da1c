using Npgsql;

namespace VetOS.Bench.Messages;

/// <summary>
/// Transactions committed (and rolled back) in one database, from <c>pg_stat_database</c>, read over a connection to
/// another database so the reads do not count themselves. Every statement outside an explicit transaction is one.
/// </summary>
internal sealed class Transactions(string serverConnectionString, string database)
{
    /// <summary>An idle backend hands in its counts within 10 s (PostgreSQL's PGSTAT_IDLE_INTERVAL): wait this long before counting from a start.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(12);

    public async Task<(long Commits, long Rollbacks)> ReadAsync(CancellationToken cancellationToken)
    {
        // Backends hand in their counts when idle (at most once a second) or when they end; give them the chance.
        await Task.Delay(TimeSpan.FromMilliseconds(1200), cancellationToken);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select xact_commit, xact_rollback from pg_stat_database where datname = $1", connection);
        command.Parameters.AddWithValue(database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
