using Npgsql;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging;

/// <summary>
/// Queues a message: one row in <c>messaging.messages</c> and its first delivery-log entry, in one statement. A dedup key
/// seen before queues nothing. The dispatcher is woken when the message falls due soon.
/// </summary>
public sealed class PostgresMessageQueue(NpgsqlDataSource dataSource, MessageSignal signal, TimeProvider clock) : IMessageQueue
{
    public async Task<bool> EnqueueAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            with m as (
              insert into messaging.messages (id, clinic_id, owner_id, channel, template, purpose, booking_id, dedup_key, recipient, subject, body,
                                              due_at, next_attempt_at, created_at, updated_at)
              values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $13)
              on conflict (dedup_key) do nothing
              returning id, clinic_id)
            insert into messaging.delivery_log (message_id, clinic_id, attempt, status, at)
            select id, clinic_id, 0, 'queued', $13 from m
            """);
        command.Parameters.AddWithValue(message.Id);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Uuid, (object?)message.Clinic ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Uuid, (object?)message.Owner ?? DBNull.Value);
        command.Parameters.AddWithValue(message.Channel);
        command.Parameters.AddWithValue(message.Template);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)message.Purpose ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Uuid, (object?)message.Booking ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)message.DedupKey ?? DBNull.Value);
        command.Parameters.AddWithValue(message.Recipient);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)message.Subject ?? DBNull.Value);
        command.Parameters.AddWithValue(message.Body);
        command.Parameters.AddWithValue(message.DueAt);
        command.Parameters.AddWithValue(now);
        var queued = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        if (queued)
            signal.Queued(message.DueAt, now);
        return queued;
    }
}
