using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VetOS.Web.Http;

/// <summary>One column of a CSV export: its header and how a row gives its value.</summary>
public sealed record CsvColumn<T>(string Name, Func<T, object?> Value);

/// <summary>
/// CSV exports, asked for with <c>?format=csv</c> or <c>Accept: text/csv</c>: RFC 4180 written by CsvHelper as the rows
/// come, UTF-8. A value that would start a spreadsheet formula (<c>= + - @</c>, a tab or a carriage return; user agents,
/// notes and reasons are the owners' and staff's own words) is prefixed with <c>'</c> and quoted, as OWASP advises.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = false };

    public static bool IsWanted(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase));

    public static PushStreamHttpResult Export<T>(IEnumerable<T> rows, string fileName, IReadOnlyList<CsvColumn<T>> columns) =>
        Export(rows.ToAsyncEnumerable(), fileName, columns);

    public static PushStreamHttpResult Export<T>(IAsyncEnumerable<T> rows, string fileName, IReadOnlyList<CsvColumn<T>> columns) =>
        TypedResults.Stream(async body =>
        {
            await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
            foreach (var column in columns)
                csv.WriteField(column.Name);
            await csv.EndRecordAsync();
            await foreach (var row in rows)
            {
                foreach (var column in columns)
                    csv.WriteField(Format(column.Value(row)));
                await csv.EndRecordAsync();
            }
            await csv.FlushAsync();
        }, $"{MediaType}; charset=utf-8", fileName);

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
