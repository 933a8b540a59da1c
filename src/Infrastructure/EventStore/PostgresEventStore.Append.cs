using Npgsql;
using NpgsqlTypes;
using VetOS.Application.EventStore;

namespace VetOS.Infrastructure.EventStore;

/// <summary>Appending: optimistic concurrency on the unique (stream, revision) index, one stream at a time.</summary>
public sealed partial class PostgresEventStore
{
    /// <summary>
    /// Appends after revision $3 (-1: a new stream), which must exist when $4. Nothing is written when it does
    /// not; a writer that lost the race to the same revisions fails on the unique (stream, revision) index.
    /// </summary>
    private const string AppendAfter = """
        insert into event_store.events (event_id, stream_id, category, stream_revision, event_type, data, metadata)
        select e.id, $1, $2, $3 + e.n, e.type, e.data, e.metadata
          from unnest($5::uuid[], $6::text[], $7::json[], $8::json[]) with ordinality as e(id, type, data, metadata, n)
         where not $4 or exists (select 1 from event_store.events where stream_id = $1 and stream_revision = $3)
        returning stream_revision, transaction_id::text::bigint, sequence
        """;

    /// <summary>Appends after the stream's last event, whatever it is; when $3 there must be one.</summary>
    private const string AppendAtEnd = """
        with last as (select coalesce(max(stream_revision), -1) as revision from event_store.events where stream_id = $1)
        insert into event_store.events (event_id, stream_id, category, stream_revision, event_type, data, metadata)
        select e.id, $1, $2, last.revision + e.n, e.type, e.data, e.metadata
          from last, unnest($4::uuid[], $5::text[], $6::json[], $7::json[]) with ordinality as e(id, type, data, metadata, n)
         where not $3 or last.revision >= 0
        returning stream_revision, transaction_id::text::bigint, sequence
        """;

    /// <summary>
    /// Appends to one stream take turns. The lock is taken before the transaction has an id (advisory locks
    /// need none), so whoever appends next to a stream also gets a later transaction id, and the global order
    /// (transaction id, sequence) agrees with every stream's order. The append runs as the next statement, so
    /// its snapshot sees whatever the previous writer committed.
    /// </summary>
    private const string LockStream =
        "select pg_current_xact_id_if_assigned() is null, pg_advisory_xact_lock(hashtextextended($1, 7)) is null";

    private const string LastRevision = "select coalesce(max(stream_revision), -1) from event_store.events where stream_id = $1";

    public async Task<AppendResult> AppendToStreamAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var result = await AppendAsync(connection, null, stream, expected, events, cancellationToken);
        notifier.Appended();
        return result;
    }

    /// <summary>
    /// Appends inside the caller's transaction, so that other writes commit atomically with the events.
    /// The caller calls <see cref="EventStoreNotifier.Appended"/> after committing.
    /// </summary>
    public async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction,
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        var batch = Validate(events);
        if (events.Count == 0)
            return await NothingToAppend(connection, transaction, stream, expected, cancellationToken);

        var atEnd = expected == ExpectedRevision.Any || expected == ExpectedRevision.StreamExists;
        for (var attempt = 1; ; attempt++)
        {
            if (await TryAppend(connection, transaction, stream, expected, batch, cancellationToken) is { } appended)
                return appended;
            var (retried, actual) = await AlreadyAppended(connection, transaction, stream, batch.Ids, cancellationToken);
            if (retried is not null)
                return retried;
            // "Any" and "stream exists" lost a race to the stream's next revision: append after the new end.
            if (!atEnd || (actual < 0 && expected == ExpectedRevision.StreamExists) || attempt == MaxAttemptsAtEnd)
                throw new WrongExpectedRevisionException(stream, expected, actual);
        }
    }

    private const int MaxAttemptsAtEnd = 10;

    private sealed record EventBatch(Guid[] Ids, string[] Types, string[] Data, string[] Metadata);

    /// <summary>The result, or null when nothing was written: the stream is not where it was expected, or the ids are taken.</summary>
    private static async Task<AppendResult?> TryAppend(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, StreamName stream, ExpectedRevision expected, EventBatch events, CancellationToken cancellationToken)
    {
        var atEnd = expected == ExpectedRevision.Any || expected == ExpectedRevision.StreamExists;
        await using var batch = new NpgsqlBatch(connection, transaction);
        var lockStream = new NpgsqlBatchCommand(LockStream);
        lockStream.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Value });
        var append = new NpgsqlBatchCommand(atEnd ? AppendAtEnd : AppendAfter);
        append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Value });
        append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Category });
        if (!atEnd)
            append.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Math.Max(expected.Value, -1) });
        append.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = expected != ExpectedRevision.NoStream && expected != ExpectedRevision.Any });
        append.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = events.Ids });
        append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Types });
        append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Json });
        append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Json });
        batch.BatchCommands.Add(lockStream);
        batch.BatchCommands.Add(append);

        // Inside the caller's transaction a failed insert would doom it; a savepoint keeps it usable.
        if (transaction is not null)
            await transaction.SaveAsync("append", cancellationToken);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (!reader.GetBoolean(0))
                throw new InvalidOperationException(
                    $"Append to '{stream}' must be the first write of its transaction, or its events could be ordered before earlier revisions.");
            await reader.NextResultAsync(cancellationToken);
            AppendResult? last = null;
            while (await reader.ReadAsync(cancellationToken))
                last = new AppendResult(reader.GetInt64(0), new Position((ulong)reader.GetInt64(1), (ulong)reader.GetInt64(2)));
            return last;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidTextRepresentation)
        {
            throw new InvalidEventException($"An event's data or metadata is not JSON: {e.MessageText}");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            if (transaction is not null)
                await transaction.RollbackAsync("append", cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// After an append wrote nothing: the result of the earlier append when every event id is stored in this
    /// stream already (a retry, which succeeds again), and the stream's last revision (-1: none).
    /// </summary>
    private static async Task<(AppendResult? Retried, long Actual)> AlreadyAppended(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, StreamName stream, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            select count(*) filter (where stream_id = $1),
                   max(stream_revision) filter (where stream_id = $1),
                   (array_agg(transaction_id::text::bigint order by stream_revision desc) filter (where stream_id = $1))[1],
                   (array_agg(sequence order by stream_revision desc) filter (where stream_id = $1))[1],
                   ({LastRevision})
              from event_store.events where event_id = any($2)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Value });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var retried = reader.GetInt64(0) == ids.Length
            ? new AppendResult(reader.GetInt64(1), new Position((ulong)reader.GetInt64(2), (ulong)reader.GetInt64(3)))
            : null;
        return (retried, reader.GetInt64(4));
    }

    private static async Task<AppendResult> NothingToAppend(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, StreamName stream, ExpectedRevision expected, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LastRevision, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Value });
        var actual = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return expected.IsSatisfiedBy(actual)
            ? new AppendResult(actual, Position.Start)
            : throw new WrongExpectedRevisionException(stream, expected, actual);
    }

    private static EventBatch Validate(IReadOnlyList<EventData> events)
    {
        var ids = new Guid[events.Count];
        var types = new string[events.Count];
        var data = new string[events.Count];
        var metadata = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.EventId == Guid.Empty)
                throw new InvalidEventException("An event id must not be empty.");
            if (string.IsNullOrWhiteSpace(e.Type) || e.Type.Length > 200)
                throw new InvalidEventException($"Event {e.EventId} needs a type of 1 to 200 characters.");
            var size = e.Data.Length + e.Metadata.Length;
            if (size > EventData.MaxSize)
                throw new EventTooLargeException(e.EventId, size);
            ids[i] = e.EventId;
            types[i] = e.Type;
            data[i] = System.Text.Encoding.UTF8.GetString(e.Data.Span);
            metadata[i] = e.Metadata.IsEmpty ? "{}" : System.Text.Encoding.UTF8.GetString(e.Metadata.Span);
        }
        if (ids.Distinct().Count() != ids.Length)
            throw new InvalidEventException("The same event id appears twice in one append.");
        return new EventBatch(ids, types, data, metadata);
    }
}
