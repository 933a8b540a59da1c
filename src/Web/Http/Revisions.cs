using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace VetOS.Web.Http;

/// <summary>Optimistic concurrency over HTTP: a record's revision is its ETag, and If-Match names the revision a change was made against.</summary>
public static class Revisions
{
    public static string ETagOf(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The revision an If-Match header names, or null without one; a header naming none can never match.</summary>
    public static long? ExpectedRevision(HttpRequest request) => ExpectedRevision(request.Headers.IfMatch.ToString());

    /// <summary>The revision an If-Match header's value names (as an endpoint binds it), or null without one; a value naming none can never match.</summary>
    public static long? ExpectedRevision(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
            return null;
        var tag = EntityTagHeaderValue.TryParse(header, out var parsed) ? parsed.Tag.ToString().Trim('"') : header;
        return long.TryParse(tag, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var revision) ? revision : long.MaxValue;
    }
}
