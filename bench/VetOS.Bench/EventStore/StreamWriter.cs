using VetOS.Application.EventStore;

namespace VetOS.Bench.EventStore;

/// <summary>Appends to streams of its own in turn, knowing each one's revision, so every append expects an exact revision.</summary>
internal sealed class StreamWriter(IEventStore store, string name, int batchSize, int streamCount = 100)
{
    private readonly StreamName[] streams =
        Enumerable.Range(0, streamCount).Select(i => StreamName.For(SampleEvent.Category, $"{name}-s{i}")).ToArray();
    private readonly long[] revisions = Enumerable.Repeat(-1L, streamCount).ToArray();
    private int next;

    public async Task<EventData[]> AppendNextAsync(string type, CancellationToken cancellationToken)
    {
        var i = next;
        next = (next + 1) % streams.Length;
        var events = SampleEvent.Batch(type, batchSize);
        var expected = revisions[i] < 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revisions[i]);
        revisions[i] = (await store.AppendToStreamAsync(streams[i], expected, events, cancellationToken)).NextExpectedRevision;
        return events;
    }
}
