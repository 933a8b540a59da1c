using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using VetOS.Application.Consents;
using VetOS.Application.EventStore;

namespace VetOS.Infrastructure.Consents;

/// <summary>
/// The tamper evidence of consent streams. Each event's stored JSON ends with the previous event's hash and its own:
/// SHA-256 over the event type, the stream revision and the JSON up to and including the previous hash. The hash
/// covers the sealed form of personal fields, so the chain still verifies after erasure shreds their key.
/// </summary>
public static partial class ConsentChain
{
    public static string Genesis(StreamName stream) => Sha256($"vetos consent chain\n{stream}");

    /// <summary>The event as it is stored: its JSON linked to <paramref name="previous"/>, and its own hash.</summary>
    public static (EventData Event, string Hash) Link(EventData e, long revision, string previous)
    {
        var json = Encoding.UTF8.GetString(e.Data.Span);
        var linked = $"{json[..json.LastIndexOf('}')]},\"previousHash\":\"{previous}\"}}";
        var hash = HashOf(e.Type, revision, linked);
        var stored = $"{linked[..^1]},\"hash\":\"{hash}\"}}";
        return (e with { Data = Encoding.UTF8.GetBytes(stored) }, hash);
    }

    public static string HashOfStored(RecordedEvent e) => StoredHashOf(e) ?? throw new InvalidOperationException(
        $"Event {e.StreamRevision} of {e.Stream} carries no chain hash.");

    public static string? StoredHashOf(RecordedEvent e) =>
        Stored().Match(Encoding.UTF8.GetString(e.Data.Span)) is { Success: true } m ? m.Groups["hash"].Value : null;

    public static ChainReport Verify(StreamName stream, IReadOnlyList<RecordedEvent> events)
    {
        var previous = Genesis(stream);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.StreamRevision != i)
                return new ChainReport(false, i, i, $"event {i} is missing");
            var match = Stored().Match(Encoding.UTF8.GetString(e.Data.Span));
            if (!match.Success)
                return new ChainReport(false, i + 1, i, "the event carries no chain hash");
            if (match.Groups["previous"].Value != previous)
                return new ChainReport(false, i + 1, i, "the event does not link to the one before it");
            var linked = $"{match.Groups["body"].Value}}}";
            if (HashOf(e.Type, e.StreamRevision, linked) != match.Groups["hash"].Value)
                return new ChainReport(false, i + 1, i, "the event was altered after it was written");
            previous = match.Groups["hash"].Value;
        }
        return new ChainReport(true, events.Count, null, null);
    }

    private static string HashOf(string type, long revision, string linkedJson) =>
        Sha256($"{type}\n{revision.ToString(CultureInfo.InvariantCulture)}\n{linkedJson}");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("""^(?<body>.*,"previousHash":"(?<previous>[0-9a-f]{64})"),"hash":"(?<hash>[0-9a-f]{64})"}$""", RegexOptions.Singleline)]
    private static partial Regex Stored();
}
