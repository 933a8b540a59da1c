using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VetOS.Infrastructure.Accounts;

namespace VetOS.Infrastructure.Database;

/// <summary>
/// Applies the embedded SQL scripts in order, once each, under an advisory lock so instances can start together;
/// then the EF Core migrations of the accounts store (EF takes its own lock).
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource)
{
    public static IReadOnlyList<(string Version, string Sql)> Scripts { get; } = LoadScripts();

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await SessionLock.Migrations.AcquireAsync(connection, cancellationToken);
        try
        {
            await Execute(connection,
                "create table if not exists public.schema_migrations (version text primary key, applied_at timestamptz not null default now())",
                cancellationToken);
            var applied = await AppliedVersions(connection, cancellationToken);
            foreach (var (version, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var script = new NpgsqlCommand(sql, connection, transaction))
                    await script.ExecuteNonQueryAsync(cancellationToken);
                await using (var record = Sql.Command(connection, transaction, "insert into public.schema_migrations (version) values ($1)", version))
                    await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await SessionLock.Migrations.ReleaseAsync(connection);
        }
        await using var accounts = new AccountsDbContext(AccountsDbContext.Options(dataSource));
        await accounts.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The scripts this build knows that the database has not applied yet.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select to_regclass('public.schema_migrations') is not null", connection);
        var applied = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!
            ? await AppliedVersions(connection, cancellationToken)
            : [];
        await using var accounts = new AccountsDbContext(AccountsDbContext.Options(dataSource));
        var accountMigrations = await accounts.Database.GetPendingMigrationsAsync(cancellationToken);
        return Scripts.Select(s => s.Version).Where(v => !applied.Contains(v)).Concat(accountMigrations).ToList();
    }

    private static async Task<HashSet<string>> AppliedVersions(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version from public.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            versions.Add(reader.GetString(0));
        return versions;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(string, string)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "VetOS.Infrastructure.Schema.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
