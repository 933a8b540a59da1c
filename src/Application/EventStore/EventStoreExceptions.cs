namespace VetOS.Application.EventStore;

public sealed class WrongExpectedRevisionException(StreamName stream, ExpectedRevision expected, long actual)
    : Exception($"Append to '{stream}' expected revision {expected} but the stream is at {(actual < 0 ? "no stream" : actual)}.")
{
    public StreamName Stream { get; } = stream;
    public ExpectedRevision Expected { get; } = expected;

    /// <summary>The stream's last revision; -1 when it does not exist.</summary>
    public long Actual { get; } = actual;
}

public sealed class EventTooLargeException(Guid eventId, int size)
    : ArgumentException($"Event {eventId} is {size} bytes; the limit is {EventData.MaxSize} bytes.")
{
    public Guid EventId { get; } = eventId;
}

public sealed class InvalidEventException(string message) : ArgumentException(message);

public sealed class UnknownEventTypeException(string type, StreamName stream, long revision)
    : Exception($"Event type '{type}' at {stream}@{revision} is not known to this version of VetOS.")
{
    public string Type { get; } = type;
}
