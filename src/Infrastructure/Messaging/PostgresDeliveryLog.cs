using Npgsql;
using NpgsqlTypes;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging;

/// <summary>The delivery log as auditors read it: a clinic's messages, then their attempts and statuses, in two queries.</summary>
public sealed class PostgresDeliveryLog(NpgsqlDataSource dataSource) : IDeliveryLog
{
    public async Task<IReadOnlyList<DeliveryLogEntry>> FindAsync(DeliveryLogFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var messages = new List<DeliveryLogEntry>();
        await using (var command = new NpgsqlCommand("""
            select id, owner_id, channel, template, purpose, booking_id, status, skip_reason, attempts, provider, provider_message_id,
                   due_at, created_at, sent_at, updated_at
              from messaging.messages
             where clinic_id = $1 and ($2::uuid is null or owner_id = $2) and ($3::timestamptz is null or created_at >= $3)
               and ($4::timestamptz is null or created_at < $4) and ($5::text is null or status = $5)
             order by created_at desc, id desc
             limit $6
            """, connection))
        {
            command.Parameters.AddWithValue(filter.Clinic);
            command.Parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)filter.Owner ?? DBNull.Value);
            command.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)filter.From?.ToUniversalTime() ?? DBNull.Value);
            command.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)filter.To?.ToUniversalTime() ?? DBNull.Value);
            command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)filter.Status ?? DBNull.Value);
            command.Parameters.AddWithValue(filter.Limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                messages.Add(new DeliveryLogEntry(reader.GetGuid(0), Value<Guid>(reader, 1), reader.GetString(2), reader.GetString(3), Text(reader, 4),
                    Value<Guid>(reader, 5), reader.GetString(6), Text(reader, 7), reader.GetInt32(8), Text(reader, 9), Text(reader, 10),
                    reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12), Value<DateTimeOffset>(reader, 13),
                    reader.GetFieldValue<DateTimeOffset>(14), []));
        }
        if (messages.Count == 0)
            return messages;

        var history = new Dictionary<Guid, List<DeliveryStatus>>();
        await using (var command = new NpgsqlCommand("""
            select message_id, attempt, status, provider, provider_message_id, error_code, at
              from messaging.delivery_log where message_id = any($1) order by message_id, id
            """, connection))
        {
            command.Parameters.AddWithValue(messages.Select(m => m.Message).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (!history.TryGetValue(id, out var entries))
                    history[id] = entries = [];
                entries.Add(new DeliveryStatus(reader.GetInt32(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                    reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }
        return messages.Select(m => m with { History = history.GetValueOrDefault(m.Message) ?? [] }).ToList();
    }

    public async Task<IReadOnlyList<DeliveryLogPurge>> PurgesAsync(Guid clinic, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select purged_at, messages, oldest, newest from audit.delivery_log_purges
             where clinic_id = $1 order by purged_at desc, id desc limit $2
            """);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var purges = new List<DeliveryLogPurge>();
        while (await reader.ReadAsync(cancellationToken))
            purges.Add(new DeliveryLogPurge(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return purges;
    }

    private static T? Value<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
