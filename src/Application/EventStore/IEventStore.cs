namespace VetOS.Application.EventStore;

/// <summary>
/// The event store, shaped after EventStoreDB's client so that another adapter can drop in.
/// Every adapter is held to the same conformance tests.
/// </summary>
public interface IEventStore
{
    Task<AppendResult> AppendToStreamAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="maxCount"/> events from <paramref name="fromRevision"/> (inclusive); empty when the stream does not exist.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        StreamName stream, Direction direction, long fromRevision, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads events after <paramref name="after"/> (exclusive) in global order, optionally of one category.
    /// The result is a gapless prefix of the global order: an event committed while an older transaction is
    /// still running appears once that transaction ends, so a reader that goes on from the last position read
    /// never skips anything.
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(
        Position after, int maxCount, string? category = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A catch-up subscription: every event after <paramref name="after"/> (exclusive), then live ones as they
    /// are appended, each exactly once and in global order, until cancelled.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> SubscribeToAll(
        Position after, string? category = null, CancellationToken cancellationToken = default);
}

public static class EventStoreExtensions
{
    public static Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        this IEventStore store, StreamName stream, CancellationToken cancellationToken = default) =>
        store.ReadStreamAsync(stream, Direction.Forwards, 0, int.MaxValue, cancellationToken);
}
