namespace VetOS.Application.EventStore;

/// <summary>
/// A place in the global order of all events. As in EventStoreDB it has two parts; here the commit
/// position is the writing transaction's id and the prepare position the event's sequence number,
/// so that the order is the order in which writes became visible.
/// </summary>
public readonly record struct Position(ulong CommitPosition, ulong PreparePosition) : IComparable<Position>
{
    public static Position Start { get; } = new(0, 0);

    public int CompareTo(Position other) =>
        CommitPosition != other.CommitPosition
            ? CommitPosition.CompareTo(other.CommitPosition)
            : PreparePosition.CompareTo(other.PreparePosition);

    public static bool operator <(Position left, Position right) => left.CompareTo(right) < 0;
    public static bool operator >(Position left, Position right) => left.CompareTo(right) > 0;
    public static bool operator <=(Position left, Position right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Position left, Position right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{CommitPosition}/{PreparePosition}";
}
