using Npgsql;
using VetOS.Application.Common;
using VetOS.Infrastructure.Accounts;

namespace VetOS.Infrastructure.Audit;

public sealed class PostgresAccessLog(NpgsqlDataSource dataSource) : IAccessLog
{
    public async Task RecordAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into audit.access_log (at, clinic_id, reader_id, reader_role, owner_id, record)
            select $1, $2, $3, $4, owner, $5 from unnest($6::uuid[]) owner
            """);
        // One read shows one record to one reader; only the owners differ.
        var first = entries[0];
        command.Parameters.AddWithValue(first.At);
        command.Parameters.AddWithValue(first.Clinic);
        command.Parameters.AddWithValue(first.Reader);
        command.Parameters.AddWithValue(RoleNames.Of(first.ReaderRole));
        command.Parameters.AddWithValue(first.Record);
        command.Parameters.AddWithValue(entries.Select(e => e.Owner).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccessLogEntry>> FindAsync(AccessLogFilter filter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select at, clinic_id, reader_id, reader_role, owner_id, record from audit.access_log
             where clinic_id = $1 and ($2::uuid is null or owner_id = $2) and ($3::uuid is null or reader_id = $3)
               and ($4::timestamptz is null or at >= $4) and ($5::timestamptz is null or at < $5)
             order by at desc, id desc limit $6
            """);
        command.Parameters.AddWithValue(filter.Clinic);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Owner ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Reader ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.From?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.To?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.AddWithValue(filter.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AccessLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new AccessLogEntry(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetGuid(1), reader.GetGuid(2), RoleNames.Parse(reader.GetString(3)), reader.GetGuid(4), reader.GetString(5)));
        return entries;
    }

    public async Task<IReadOnlyList<OwnerRead>> OwnersReadAsync(Guid clinic, DateTimeOffset from, DateTimeOffset to, Guid? reader, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select owner_id, count(*)::int, min(at), max(at), array_agg(distinct reader_id), array_agg(distinct record)
              from audit.access_log
             where clinic_id = $1 and at >= $2 and at < $3 and ($4::uuid is null or reader_id = $4)
             group by owner_id
             order by count(*) desc, owner_id
            """);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(from.ToUniversalTime()); // a client may send any offset; Npgsql writes only UTC
        command.Parameters.AddWithValue(to.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)reader ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var owners = new List<OwnerRead>();
        while (await rows.ReadAsync(cancellationToken))
            owners.Add(new OwnerRead(rows.GetGuid(0), rows.GetInt32(1), rows.GetFieldValue<DateTimeOffset>(2), rows.GetFieldValue<DateTimeOffset>(3),
                rows.GetFieldValue<Guid[]>(4), rows.GetFieldValue<string[]>(5)));
        return owners;
    }
}
