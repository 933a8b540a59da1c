using System.Runtime.CompilerServices;
using Npgsql;
using VetOS.Application.EventStore;

namespace VetOS.Infrastructure.EventStore;

/// <summary>The event store on PostgreSQL: reading and subscribing. See "The event store" in the README for why reads stop at the snapshot's xmin.</summary>
public sealed partial class PostgresEventStore(NpgsqlDataSource dataSource, EventStoreNotifier notifier) : IEventStore
{
    private const int SubscriptionPageSize = 1000;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HeldBackPollMin = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan HeldBackPollMax = TimeSpan.FromMilliseconds(50);

    // Aliased so that "order by transaction_id" below means the indexed column, not this text conversion of it.
    private const string Columns =
        "event_id, stream_id, stream_revision, transaction_id::text::bigint as commit_position, sequence, event_type, data::text, metadata::text, created_at";

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
        var heldBackPoll = HeldBackPollMin;
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
            // Back off only while a look finds nothing new.
            heldBackPoll = page.Events.Count > 0 || !page.HeldBack
                ? HeldBackPollMin
                : TimeSpan.FromTicks(Math.Min(heldBackPoll.Ticks * 2, HeldBackPollMax.Ticks));
            var wait = page.HeldBack ? heldBackPoll : IdlePoll;
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

}
