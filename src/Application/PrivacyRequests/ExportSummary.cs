using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// The readable summary of an export: why the data is used, who receives it, how long it is kept, where it came from, and
/// what there is; and the clinic's record of processing, which states the same.
/// </summary>
public static class ExportSummary
{
    public static string Render(AccessExport export)
    {
        var p = export.Processing;
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>Your data at {E(p.Controller)}</title></head><body><main>")
            .Append($"<h1>Your data at {E(p.Controller)}</h1>")
            .Append($"<p>Everything the booking portal holds about you as a client of {E(p.Controller)}, generated on ")
            .Append(E(export.GeneratedAt.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append($". {E(p.Controller)} is the data controller; {E(p.Processor)} runs the portal as its processor. ")
            .Append("The attached JSON file holds every item listed below.</p>");
        Section(html, "What we hold", export.Sections.Select(s => $"{Title(s.Key)}: {Count(s.Value)}"));
        Processing(html, p);
        html.Append($"<section><h2>Your rights</h2><p>Ask {E(p.Controller)} to correct or erase your data at {E(p.ControllerContact)}, ")
            .Append($"or correct your contact details and pets yourself on the Profile and My pets pages. Questions about how the portal processes data: {E(p.ProcessorContact)}.</p></section>")
            .Append("</main></body></html>\n");
        return html.ToString();
    }

    /// <summary>The record of processing as a page of its own, in the same words as every export's summary.</summary>
    public static string Render(RecordOfProcessing p)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>Record of processing: {E(p.Controller)}</title></head><body><main>")
            .Append($"<h1>Record of processing: {E(p.Controller)}</h1>")
            .Append($"<p>{E(p.Controller)} ({E(p.ControllerContact)}) is the data controller of its clients' data; {E(p.Processor)} ")
            .Append($"({E(p.ProcessorContact)}) runs the booking portal as its processor. Records are kept under the law of {E(p.Jurisdiction)}.</p>");
        Section(html, "Categories of data", p.Categories);
        Processing(html, p);
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    private static void Processing(StringBuilder html, RecordOfProcessing p)
    {
        html.Append("<section><h2>Why we use it</h2><table><thead><tr><th scope=\"col\">Purpose</th><th scope=\"col\">Legal basis</th><th scope=\"col\">Data</th></tr></thead><tbody>");
        foreach (var purpose in p.Purposes)
            html.Append($"<tr><td>{E(purpose.Purpose)}</td><td>{E(purpose.LegalBasis)}</td><td>{E(string.Join("; ", purpose.Categories))}</td></tr>");
        html.Append("</tbody></table></section>");
        Section(html, "Who receives it", p.Recipients.Select(r => $"{r.Name}, {r.Role}: {r.Receives}"));
        Section(html, "How long we keep it", p.Retention.Select(r => $"{r.Records}: {r.Period}"));
        Section(html, "Where it came from", p.Sources);
    }

    private static void Section(StringBuilder html, string title, IEnumerable<string> items)
    {
        html.Append($"<section><h2>{E(title)}</h2><ul>");
        foreach (var item in items)
            html.Append($"<li>{E(item)}</li>");
        html.Append("</ul></section>");
    }

    private static string Count(object? section) => section switch
    {
        null => "nothing",
        ICollection items => $"{items.Count} item{(items.Count == 1 ? "" : "s")}",
        _ => "included",
    };

    private static string Title(string section) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(section.Replace('-', ' '));

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
