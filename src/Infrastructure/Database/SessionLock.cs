using Npgsql;

namespace VetOS.Infrastructure.Database;

/// <summary>
/// A session-level advisory lock, so that one instance at a time runs what it guards. A pooled connection keeps its
/// session, and so its locks, after it is closed: whoever acquires one releases it explicitly.
/// </summary>
public sealed class SessionLock
{
    private readonly string key;
    private readonly object name;

    /// <param name="key">The lock's key as SQL, from its <paramref name="name"/> bound as $1.</param>
    private SessionLock(string key, object name)
    {
        this.key = key;
        this.name = name;
    }

    public static SessionLock Migrations { get; } = new("$1", 0x5645_544F_5301L); // "VETOS" + 1

    public static SessionLock Dispatcher { get; } = new("$1", 0x5645_544F_5302L); // "VETOS" + 2

    public static SessionLock Projection(string name) => new("hashtext('vetos.projection:' || $1)", name);

    /// <summary>Waits until the lock is free.</summary>
    public async Task AcquireAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"select pg_advisory_lock({key})", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>False at once when another session holds the lock.</summary>
    public async Task<bool> TryAcquireAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"select pg_try_advisory_lock({key})", name);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ReleaseAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            return; // the session is gone, and the lock with it
        try
        {
            await using var command = Sql.Command(connection, null, $"select pg_advisory_unlock({key})", name);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection failed meanwhile, and the lock went with its session.
        }
    }
}
