namespace VetOS.Application.EventStore;

/// <summary>What the writer believes about a stream before appending, as in EventStoreDB.</summary>
public readonly record struct ExpectedRevision
{
    private const long NoStreamValue = -1, AnyValue = -2, StreamExistsValue = -4;

    private ExpectedRevision(long value) => Value = value;

    /// <summary>The encoded form: a revision (0, 1, ...) or one of the negative markers.</summary>
    public long Value { get; }

    public static ExpectedRevision NoStream { get; } = new(NoStreamValue);
    public static ExpectedRevision Any { get; } = new(AnyValue);
    public static ExpectedRevision StreamExists { get; } = new(StreamExistsValue);

    public static ExpectedRevision Exact(long revision) =>
        revision >= 0 ? new(revision) : throw new ArgumentOutOfRangeException(nameof(revision), revision, "An exact revision is 0 or more.");

    /// <summary>Whether a stream whose last revision is <paramref name="actual"/> (-1: no stream) matches.</summary>
    public bool IsSatisfiedBy(long actual) => Value switch
    {
        AnyValue => true,
        NoStreamValue => actual == -1,
        StreamExistsValue => actual >= 0,
        _ => actual == Value,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no stream",
        StreamExistsValue => "stream exists",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
