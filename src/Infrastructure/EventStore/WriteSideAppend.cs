using Npgsql;
using VetOS.Application.EventStore;

namespace VetOS.Infrastructure.EventStore;

/// <summary>
/// Appends a stream's events and runs the write side's statements (slot holds, pets, consent periods) in the same
/// transaction, so what is read without the events never disagrees with them; then wakes the subscriptions.
/// </summary>
public sealed class WriteSideAppend(NpgsqlDataSource dataSource, PostgresEventStore store, EventStoreNotifier notifier, EventSerializer serializer)
{
    public async Task<List<EventData>> SerializeAsync(IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var data = new List<EventData>(events.Count);
        foreach (var e in events)
            data.Add(await serializer.SerializeAsync(e, metadata, cancellationToken: cancellationToken));
        return data;
    }

    /// <summary>Appends after <paramref name="expectedRevision"/> (-1: a new stream); returns the stream's new revision.</summary>
    public async Task<long> AppendAsync(
        StreamName stream, long expectedRevision, IReadOnlyList<EventData> data,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> writeSide, CancellationToken cancellationToken)
    {
        var expected = expectedRevision < 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(expectedRevision);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await store.AppendAsync(connection, transaction, stream, expected, data, cancellationToken);
        await writeSide(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Appended();
        return result.NextExpectedRevision;
    }

    /// <summary>Runs <paramref name="commands"/> as one batch in the transaction; nothing when there are none.</summary>
    public static async Task RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
            batch.BatchCommands.Add(command);
        if (batch.BatchCommands.Count > 0)
            await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
