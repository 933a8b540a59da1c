using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using VetOS.Application.EventStore;

namespace VetOS.Infrastructure.EventStore;

/// <summary>The event store on PostgreSQL. See docs/architecture in the README for why reads stop at the snapshot's xmin.</summary>
public sealed class PostgresEventStore(NpgsqlDataSource dataSource, EventStoreNotifier notifier) : IEventStore
{
    private const int SubscriptionPageSize = 1000;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HeldBackPollMax = TimeSpan.FromMilliseconds(50);

    private const string Columns =
        "event_id, stream_id, stream_revision, transaction_id::text::bigint, sequence, event_type, data::text, metadata::text, created_at";

    public async Task<AppendResult> AppendToStreamAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        AppendResult result;
        try
        {
            result = await AppendAsync(connection, null, stream, expected, events, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same event ids were appended concurrently and committed first: this retry sees them.
            result = await AppendAsync(connection, null, stream, expected, events, cancellationToken);
        }
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
        var (ids, types, data, metadata) = Validate(events);
        await using var command = new NpgsqlCommand(
            "select o_status, o_revision, o_commit::text::bigint, o_sequence from event_store.append($1, $2, $3, $4, $5, $6, $7)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Category });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected.Value });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Json });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Json });

        await using var reader = await ExecuteAppend(command, cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var status = reader.GetInt32(0);
        var revision = reader.IsDBNull(1) ? -1 : reader.GetInt64(1);
        var position = reader.IsDBNull(2) ? Position.Start : new Position((ulong)reader.GetInt64(2), (ulong)reader.GetInt64(3));
        return status switch
        {
            0 or 2 => new AppendResult(revision, position),
            _ => throw new WrongExpectedRevisionException(stream, expected, revision),
        };
    }

    private static async Task<NpgsqlDataReader> ExecuteAppend(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidTextRepresentation)
        {
            throw new InvalidEventException($"An event's data or metadata is not JSON: {e.MessageText}");
        }
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        StreamName stream, Direction direction, long fromRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var sql = direction == Direction.Forwards
            ? $"select {Columns} from event_store.events where stream_id = $1 and stream_revision >= $2 order by stream_revision limit $3"
            : $"select {Columns} from event_store.events where stream_id = $1 and stream_revision <= $2 order by stream_revision desc limit $3";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Value });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromRevision });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = maxCount });
        return await ReadEvents(command, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(
        Position after, int maxCount, string? category = null, CancellationToken cancellationToken = default) =>
        (await ReadPageAsync(after, maxCount, category, checkHeldBack: false, cancellationToken)).Events;

    public async IAsyncEnumerable<RecordedEvent> SubscribeToAll(
        Position after, string? category = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var checkpoint = after;
        var heldBackPoll = TimeSpan.FromMilliseconds(2);
        while (!cancellationToken.IsCancellationRequested)
        {
            var wakeUp = notifier.NextSignal();
            var page = await ReadPageAsync(checkpoint, SubscriptionPageSize, category, checkHeldBack: true, cancellationToken);
            foreach (var recorded in page.Events)
            {
                yield return recorded;
                checkpoint = recorded.Position;
            }
            if (page.Events.Count == SubscriptionPageSize)
                continue;

            // Committed events behind a still-running older transaction become visible when it ends; that
            // transaction may not be an append that wakes us, so look again soon.
            var wait = page.HeldBack ? heldBackPoll : IdlePoll;
            heldBackPoll = page.HeldBack ? TimeSpan.FromTicks(Math.Min(heldBackPoll.Ticks * 2, HeldBackPollMax.Ticks)) : TimeSpan.FromMilliseconds(2);
            await Task.WhenAny(wakeUp, Task.Delay(wait, cancellationToken));
        }
    }

    private sealed record Page(IReadOnlyList<RecordedEvent> Events, bool HeldBack);

    private async Task<Page> ReadPageAsync(Position after, int maxCount, string? category, bool checkHeldBack, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var visible = $"""
            select {Columns} from event_store.events
             where (transaction_id, sequence) > ($1::text::xid8, $2)
               and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
               {(category is null ? "" : "and category = $4")}
             order by transaction_id, sequence
             limit $3
            """;
        await using var batch = new NpgsqlBatch(connection);
        var read = new NpgsqlBatchCommand(visible);
        read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after.CommitPosition.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)after.PreparePosition });
        read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = maxCount });
        if (category is not null)
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = category });
        batch.BatchCommands.Add(read);
        if (checkHeldBack)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "select exists (select 1 from event_store.events where transaction_id >= pg_snapshot_xmin(pg_current_snapshot()))"));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var events = await ReadRows(reader, cancellationToken);
        var heldBack = false;
        if (checkHeldBack && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken))
            heldBack = reader.GetBoolean(0);
        return new Page(events, heldBack);
    }

    private static async Task<IReadOnlyList<RecordedEvent>> ReadEvents(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadRows(reader, cancellationToken);
    }

    private static async Task<List<RecordedEvent>> ReadRows(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new RecordedEvent(
                reader.GetGuid(0),
                new StreamName(reader.GetString(1)),
                reader.GetInt64(2),
                new Position((ulong)reader.GetInt64(3), (ulong)reader.GetInt64(4)),
                reader.GetString(5),
                System.Text.Encoding.UTF8.GetBytes(reader.GetString(6)),
                System.Text.Encoding.UTF8.GetBytes(reader.GetString(7)),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return events;
    }

    private static (Guid[] Ids, string[] Types, string[] Data, string[] Metadata) Validate(IReadOnlyList<EventData> events)
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
        return (ids, types, data, metadata);
    }
}
