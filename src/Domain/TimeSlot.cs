namespace VetOS.Domain;

/// <summary>A half-open span of time [Start, End), in UTC.</summary>
public readonly record struct TimeSlot
{
    public TimeSlot(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
            throw new ArgumentException($"A time slot ends after it starts ({start:O} .. {end:O}).", nameof(end));
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public TimeSpan Duration => End - Start;

    public static TimeSlot Of(DateTimeOffset start, TimeSpan duration) => new(start, start + duration);

    public bool Overlaps(TimeSlot other) => Start < other.End && other.Start < End;

    public bool Contains(TimeSlot other) => Start <= other.Start && other.End <= End;

    public override string ToString() => $"{Start:O}..{End:O}";
}
