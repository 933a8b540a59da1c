using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Messaging.Webhooks;

namespace VetOS.Web.Messaging;

/// <summary>
/// Checks X-Twilio-Signature over the public URL Twilio called (<c>Twilio:WebhookBaseUrl</c> plus the path and query)
/// and the posted form. Behind a proxy the host's own view of its URL differs, hence the configured base.
/// </summary>
public sealed class TwilioWebhookVerifier(IWebhookSecrets secrets)
{
    /// <summary>The form when the signature holds; null otherwise, and nothing should change.</summary>
    public async Task<IFormCollection?> VerifiedFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentLength > MaxForm)
            return null;
        var form = await ReadFormAsync(request, cancellationToken);
        var baseUrl = secrets.TwilioBaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        var url = $"{baseUrl}{request.PathBase}{request.Path}{request.QueryString}";
        var fields = form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? "")));
        return secrets.IsSignedByTwilio(url, fields, request.Headers[SignatureHeader].ToString()) ? form : null;
    }

    private const string SignatureHeader = "X-Twilio-Signature";

    private const int MaxForm = 64 * 1024;

    /// <summary>
    /// The form as Twilio sent it. ASP.NET Core's reader refuses a NUL, which a phone can send: the values are decoded
    /// here as they are, so the signature checks what was signed, and the endpoints clean them after.
    /// </summary>
    private static async Task<FormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.Ordinal);
        foreach (var pair in body[..Math.Min(body.Length, MaxForm)].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(split < 0 ? pair : pair[..split]);
            fields[name] = Microsoft.Extensions.Primitives.StringValues.Concat(fields.GetValueOrDefault(name), Decode(split < 0 ? "" : pair[(split + 1)..]));
        }
        return new FormCollection(fields);
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    public static ProblemHttpResult Refused() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Signature refused.", detail: "The request is not signed by Twilio.");
}
