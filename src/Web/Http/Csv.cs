using System.Globalization;
using System.Text;

namespace VetOS.Web.Http;

/// <summary>One column of a CSV export: its header and how a row gives its value.</summary>
public sealed record CsvColumn<T>(string Name, Func<T, object?> Value);

/// <summary>
/// CSV exports, asked for with <c>?format=csv</c> or <c>Accept: text/csv</c>: RFC 4180 (a header line, CRLF line
/// ends, a field quoted when it holds a comma, a quote or a line break, quotes doubled), UTF-8, written as the rows come.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";
    private const int FlushAt = 32 * 1024;

    public static bool IsWanted(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));

    public static IResult Export<T>(IEnumerable<T> rows, string fileName, IReadOnlyList<CsvColumn<T>> columns) =>
        Export(rows.ToAsyncEnumerable(), fileName, columns);

    public static IResult Export<T>(IAsyncEnumerable<T> rows, string fileName, IReadOnlyList<CsvColumn<T>> columns) =>
        TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), FlushAt);
            var text = new StringBuilder(FlushAt + 1024);
            AppendLine(text, columns.Select(c => c.Name));
            await foreach (var row in rows)
            {
                AppendLine(text, columns.Select(c => Format(c.Value(row))));
                if (text.Length < FlushAt)
                    continue;
                await writer.WriteAsync(text);
                text.Clear();
            }
            await writer.WriteAsync(text);
            await writer.FlushAsync();
        }, $"{MediaType}; charset=utf-8", fileName);

    /// <summary>A value as one field: quoted only where RFC 4180 needs it.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void AppendLine(StringBuilder text, IEnumerable<string> values)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
                text.Append(',');
            text.Append(Field(value));
            first = false;
        }
        text.Append("\r\n");
    }
}
