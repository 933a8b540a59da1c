using System.Text.RegularExpressions;

namespace VetOS.Bench;

internal sealed partial record BenchOptions(
    string? OutputPath, TimeSpan Duration, long CatchUpEvents, TimeSpan CatchUpTimeLimit, IReadOnlySet<string> Only, string DatabaseName,
    int ConsentOwners, int FuzzRequests)
{
    public const string Usage =
        "usage: VetOS.Bench [--output FILE] [--seconds N] [--catchup-events N] [--catchup-limit SECONDS] [--only NAME[,NAME]] [--database NAME] [--consent-owners N] [--fuzz-requests N]";

    public TimeSpan WarmUp { get; } = TimeSpan.FromSeconds(1);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(
            null, TimeSpan.FromSeconds(5), 1_000_000, TimeSpan.FromSeconds(120), new HashSet<string>(StringComparer.OrdinalIgnoreCase), "vetos_bench", 100_000, 50_000);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--output" => options with { OutputPath = Value() },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Positive(args[i], Value())) },
                "--catchup-events" => options with { CatchUpEvents = Positive(args[i], Value()) },
                "--catchup-limit" => options with { CatchUpTimeLimit = TimeSpan.FromSeconds(Positive(args[i], Value())) },
                "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase) },
                "--database" => options with { DatabaseName = PlainDatabaseName(Value()) },
                "--consent-owners" => options with { ConsentOwners = (int)Math.Min(Positive(args[i], Value()), 10_000_000) },
                "--fuzz-requests" => options with { FuzzRequests = (int)Math.Min(Positive(args[i], Value()), 100_000_000) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        return options;
    }

    private static long Positive(string option, string value) =>
        long.TryParse(value, out var number) && number > 0 ? number : throw new ArgumentException($"{option} needs a positive whole number, not '{value}'.");

    private static string PlainDatabaseName(string value) =>
        DatabaseNameShape().IsMatch(value) ? value : throw new ArgumentException($"'{value}' is not a plain database name (lower-case letters, digits, _).");

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseNameShape();
}
