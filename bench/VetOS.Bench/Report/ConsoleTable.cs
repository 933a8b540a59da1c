namespace VetOS.Bench.Report;

internal static class ConsoleTable
{
    public static void Print(BenchSection section)
    {
        string[] headings = ["Measure", "Figure", "Goal", section.RatioHeading, "Met?"];
        var cells = section.Rows.Select(r => new[] { r.Measure, r.Figure, r.Goal, r.Ratio, r.MetText.Trim('*') }).Prepend(headings).ToList();
        var widths = Enumerable.Range(0, headings.Length).Select(c => cells.Max(row => row[c].Length)).ToArray();
        string Line(string[] row) => string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd();

        Console.WriteLine();
        Console.WriteLine(section.Title);
        Console.WriteLine(Line(cells[0]));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells.Skip(1))
            Console.WriteLine(Line(row));
        foreach (var note in section.Notes)
            Console.WriteLine($"  * {note}");
    }
}
