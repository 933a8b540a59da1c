using System.Text.RegularExpressions;

namespace VetOS.Application.EventStore;

/// <summary>A stream name of the form <c>category-id</c>, e.g. <c>booking-0f8fad5b</c>.</summary>
public readonly partial record struct StreamName
{
    public const int MaxLength = 200;

    public StreamName(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidStreamNameException(value ?? "", "a stream name must not be empty");
        if (value.Length > MaxLength)
            throw new InvalidStreamNameException(value, $"a stream name must be at most {MaxLength} characters");
        if (!Shape().IsMatch(value))
            throw new InvalidStreamNameException(value, "a stream name must be 'category-id': a category of letters and digits, a dash, and an id without spaces");
        Value = value;
    }

    public string Value { get; }

    /// <summary>The part before the first dash.</summary>
    public string Category => Value[..Value.IndexOf('-', StringComparison.Ordinal)];

    public static StreamName For(string category, string id) => new($"{category}-{id}");

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9_.:@-]+$")]
    private static partial Regex Shape();
}

public sealed class InvalidStreamNameException(string streamName, string reason)
    : ArgumentException($"Invalid stream name '{streamName}': {reason}.")
{
    public string StreamName { get; } = streamName;
}
