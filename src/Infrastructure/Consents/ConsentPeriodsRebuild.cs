using System.Diagnostics;
using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Consents;

/// <summary>
/// Rebuilds <c>consent.periods</c> from the consent streams, the record they are derived from, with the same
/// writes the appends make. Run it while nothing writes consent: appends wait on the emptied table meanwhile.
/// </summary>
public sealed class ConsentPeriodsRebuild(NpgsqlDataSource dataSource, PostgresEventStore store, EventSerializer serializer)
{
    private const int PageSize = 1000;
    private static readonly TimeSpan HeldBackLimit = TimeSpan.FromSeconds(30);

    /// <summary>Empties the periods and replays every consent event into them in one transaction; returns how many events it replayed.</summary>
    public async Task<long> RebuildPeriodsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var truncate = new NpgsqlCommand("truncate consent.periods", connection, transaction))
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        var last = await LastConsentEventAsync(connection, transaction, cancellationToken);

        var (after, replayed, waitingSince) = (Position.Start, 0L, (long?)null);
        while (last is { } end && after < end)
        {
            var page = await store.ReadAllAsync(after, PageSize, "consent", cancellationToken);
            if (page.Count == 0)
            {
                // Committed events behind a transaction still running elsewhere in the cluster show once it ends.
                waitingSince ??= Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(waitingSince.Value) > HeldBackLimit)
                    throw new TimeoutException("Consent events stayed behind a running transaction; rebuild while nothing writes consent.");
                await Task.Delay(10, cancellationToken);
                continue;
            }
            waitingSince = null;
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var stored in await serializer.DeserializeAsync(page, cancellationToken))
            {
                foreach (var command in PostgresConsentLedgers.Periods(stored.Event))
                    batch.BatchCommands.Add(command);
            }
            if (batch.BatchCommands.Count > 0)
                await batch.ExecuteNonQueryAsync(cancellationToken);
            (after, replayed) = (page[^1].Position, replayed + page.Count);
        }
        await transaction.CommitAsync(cancellationToken);
        return replayed;
    }

    private static async Task<Position?> LastConsentEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select transaction_id::text::bigint, sequence from event_store.events where category = 'consent'
             order by transaction_id desc, sequence desc limit 1
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Position((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1)) : null;
    }
}
