using System.Text;

namespace VetOS.Bench.Report;

/// <summary>
/// docs/benchmarks.md: the machine, then one "## " section per benchmark. Sections this run did not measure
/// are kept as they were; those it measured are replaced in place.
/// </summary>
internal static class MarkdownReport
{
    private const string MachineTitle = "Machine";

    public static string Render(string? existing, IReadOnlyList<string> machine, IReadOnlyList<BenchSection> measured)
    {
        var sections = ExistingSections(existing);
        sections.RemoveAll(s => s.Title == MachineTitle);
        sections.Insert(0, (MachineTitle, string.Join('\n', machine)));
        foreach (var section in measured)
        {
            var body = Body(section);
            var at = sections.FindIndex(s => s.Title == section.Title);
            if (at >= 0)
                sections[at] = (section.Title, body);
            else
                sections.Add((section.Title, body));
        }

        var markdown = new StringBuilder()
            .Append("# Benchmarks\n\n")
            .Append("Reproduce with `./vetos bench` (options: `--seconds N`, `--catchup-events N`, `--catchup-limit SECONDS`, `--only NAME`). ")
            .Append("It measures against a database of its own (`vetos_bench`, recreated each run) on the server in `VETOS_DATABASE__CONNECTIONSTRING`, ")
            .Append("or the project's own cluster.\n");
        foreach (var (title, body) in sections)
            markdown.Append($"\n## {title}\n\n{body.Trim('\n')}\n");
        return markdown.ToString();
    }

    private static string Body(BenchSection section)
    {
        var body = new StringBuilder()
            .Append($"| Measure | Figure | Goal | {section.RatioHeading} | Met? |\n")
            .Append("|---|---:|---|---:|---|\n");
        foreach (var row in section.Rows)
            body.Append($"| {row.Measure} | {row.Figure} | {row.Goal} | {row.Ratio} | {row.MetText} |\n");
        if (section.Notes.Count > 0)
            body.Append('\n');
        foreach (var note in section.Notes)
            body.Append($"- {note}\n");
        return body.ToString();
    }

    private static List<(string Title, string Body)> ExistingSections(string? existing)
    {
        var sections = new List<(string Title, string Body)>();
        if (existing is null)
            return sections;
        string? title = null;
        var body = new StringBuilder();
        foreach (var line in existing.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (title is not null)
                    sections.Add((title, body.ToString()));
                title = line[3..].Trim();
                body.Clear();
            }
            else if (title is not null)
            {
                body.Append(line).Append('\n');
            }
        }
        if (title is not null)
            sections.Add((title, body.ToString()));
        return sections;
    }
}
