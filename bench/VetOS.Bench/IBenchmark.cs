namespace VetOS.Bench;

/// <summary>One area measured by the harness; it owns a "## " section of docs/benchmarks.md.</summary>
internal interface IBenchmark
{
    /// <summary>What <c>--only</c> selects it by.</summary>
    string Name { get; }

    Task<BenchSection> RunAsync(BenchContext context, CancellationToken cancellationToken);
}

/// <param name="ServerConnectionString">The server the run measures on, for benchmarks that need a database of their own.</param>
internal sealed record BenchContext(BenchOptions Options, BenchDatabase Database, string ServerConnectionString);

/// <param name="RatioHeading">What the ratio column compares with.</param>
internal sealed record BenchSection(string Title, IReadOnlyList<BenchRow> Rows, IReadOnlyList<string> Notes, string RatioHeading = "Ratio to bare loop");

/// <summary>A figure with its goal; <see cref="Met"/> is null when there is no goal.</summary>
internal sealed record BenchRow(string Measure, string Figure, string Goal = "—", string Ratio = "—", bool? Met = null)
{
    public string MetText => Met switch { true => "yes", false => "**no**", null => "—" };
}
