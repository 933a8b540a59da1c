namespace VetOS.Application.EventStore;

/// <summary>What travels beside every event: why it happened (correlation, causation), who did it and when.</summary>
public sealed record EventMetadata(Guid CorrelationId, Guid? CausationId, string Actor, DateTimeOffset OccurredAt);

/// <summary>A domain event as read back, with where it is stored.</summary>
public sealed record StoredEvent(object Event, EventMetadata Metadata, StreamName Stream, long Revision, Position Position, Guid EventId);

/// <summary>A stream's events in order, and the revision to expect when appending after them (-1: no stream).</summary>
public sealed record LoadedStream(IReadOnlyList<StoredEvent> Events, long Revision)
{
    public ExpectedRevision ExpectedRevision =>
        Revision < 0 ? EventStore.ExpectedRevision.NoStream : EventStore.ExpectedRevision.Exact(Revision);
}

/// <summary>Domain events in and out of the event store: typed, with metadata, personal fields sealed per subject.</summary>
public interface IEventStreams
{
    Task<LoadedStream> LoadAsync(StreamName stream, CancellationToken cancellationToken = default);

    Task<AppendResult> AppendAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<object> events, EventMetadata metadata,
        CancellationToken cancellationToken = default);
}
