using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace VetOS.Web.Http;

/// <summary>Optimistic concurrency over HTTP: a record's revision is its ETag, and If-Match names the revision a change was made against.</summary>
public static class Revisions
{
    public static string ETagOf(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The revision an If-Match header names, or null without one; a header naming none can never match.</summary>
    public static long? ExpectedRevision(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
            return null;
        var tag = EntityTagHeaderValue.TryParse(header, out var parsed) ? parsed.Tag.ToString().Trim('"') : header;
        return long.TryParse(tag, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var revision) ? revision : long.MaxValue;
    }
}
