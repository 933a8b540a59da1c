using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VetOS.Infrastructure.Messaging.Retention;

/// <summary>
/// Deletes each clinic's finished messages (with their delivery-log entries) whose latest activity is older than the
/// clinic's retention, in batches. Each batch also adds what it removed to the run's audit record for that clinic
/// (count, oldest and newest time purged; no personal data) in the same transaction, so the record never misses a deletion.
/// </summary>
public sealed class RetentionPurge(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionPurge> logger)
{
    private const string PurgeBatch = """
        with doomed as (
          select id, updated_at from messaging.messages
           where {clinic} and status not in ('queued', 'sending') and updated_at < $2
           order by updated_at
           limit $3
           for update skip locked),
        gone as (delete from messaging.messages m using doomed where m.id = doomed.id returning doomed.updated_at),
        s as (select count(*)::int as n, min(updated_at) as oldest, max(updated_at) as newest from gone),
        added as (
          insert into audit.delivery_log_purges (clinic_id, purged_at, messages, oldest, newest)
          select $1, $4, n, oldest, newest from s where n > 0 and $5::bigint is null
          returning id),
        grown as (
          update audit.delivery_log_purges p
             set messages = p.messages + s.n, oldest = least(p.oldest, s.oldest), newest = greatest(p.newest, s.newest)
            from s
           where p.id = $5 and s.n > 0
          returning p.id)
        select s.n, coalesce((select id from added), (select id from grown), $5) from s
        """;

    /// <summary>Purges every clinic, and the account emails of no clinic; the number of messages removed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = await PurgeAsync(null, now - options.Value.DefaultRetention, now, cancellationToken);
        foreach (var (clinic, cutoff) in await ClinicsAsync(now, cancellationToken))
            total += await PurgeAsync(clinic, cutoff, now, cancellationToken);
        if (total > 0)
            logger.LogInformation("Delivery-log purge removed {Count} messages past their clinics' retention", total);
        return total;
    }

    private async Task<int> PurgeAsync(Guid? clinic, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = PurgeBatch.Replace("{clinic}", clinic is null ? "clinic_id is null and $1::uuid is null" : "clinic_id = $1", StringComparison.Ordinal);
        long? record = null;
        var purged = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Uuid, (object?)clinic ?? DBNull.Value);
            command.Parameters.AddWithValue(cutoff);
            command.Parameters.AddWithValue(options.Value.PurgeBatch);
            command.Parameters.AddWithValue(now);
            command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Bigint, (object?)record ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var count = reader.GetInt32(0);
            record = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            purged += count;
            if (count < options.Value.PurgeBatch)
                return purged;
        }
    }

    /// <summary>Each clinic with the time before which its log goes; computed in SQL, as a retention may be in months.</summary>
    private async Task<IReadOnlyList<(Guid Clinic, DateTimeOffset Cutoff)>> ClinicsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, $1 - delivery_log_retention from clinic.clinics order by id");
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var clinics = new List<(Guid, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
            clinics.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return clinics;
    }
}
