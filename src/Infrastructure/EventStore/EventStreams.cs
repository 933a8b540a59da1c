using VetOS.Application.EventStore;

namespace VetOS.Infrastructure.EventStore;

public sealed class EventStreams(IEventStore store, EventSerializer serializer) : IEventStreams
{
    public async Task<LoadedStream> LoadAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        var recorded = await store.ReadStreamAsync(stream, cancellationToken);
        var events = await serializer.DeserializeAsync(recorded, cancellationToken);
        return new LoadedStream(events, recorded.Count == 0 ? -1 : recorded[^1].StreamRevision);
    }

    public async Task<AppendResult> AppendAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<object> events, EventMetadata metadata,
        CancellationToken cancellationToken = default)
    {
        var data = new List<EventData>(events.Count);
        foreach (var domainEvent in events)
            data.Add(await serializer.SerializeAsync(domainEvent, metadata, cancellationToken: cancellationToken));
        return await store.AppendToStreamAsync(stream, expected, data, cancellationToken);
    }
}
