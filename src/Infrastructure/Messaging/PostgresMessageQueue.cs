using Npgsql;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Database;

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
        await using var command = Sql.Command(dataSource, MessageRows.Insert, MessageRows.Parameters(message, now));
        var queued = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        if (queued)
            signal.Queued(message.DueAt, now);
        return queued;
    }
}
