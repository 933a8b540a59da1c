namespace VetOS.Application.EventStore;

/// <summary>An event to append: its id (appending the same id twice stores it once), type and JSON.</summary>
public sealed record EventData(Guid EventId, string Type, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Metadata)
{
    public const int MaxSize = 1024 * 1024;
}

/// <summary>An event as stored.</summary>
public sealed record RecordedEvent(
    Guid EventId,
    StreamName Stream,
    long StreamRevision,
    Position Position,
    string Type,
    ReadOnlyMemory<byte> Data,
    ReadOnlyMemory<byte> Metadata,
    DateTimeOffset Created);

public sealed record AppendResult(long NextExpectedRevision, Position LogPosition);

public enum Direction { Forwards, Backwards }
