using Microsoft.Extensions.Options;
using VetOS.Infrastructure.Messaging.Twilio;

namespace VetOS.Web.Messaging;

/// <summary>
/// Checks X-Twilio-Signature over the public URL Twilio called (<c>Twilio:WebhookBaseUrl</c> plus the path and query)
/// and the posted form. Behind a proxy the host's own view of its URL differs, hence the configured base.
/// </summary>
public sealed class TwilioWebhookVerifier(IOptions<TwilioOptions> twilio, IOptions<TwilioWebhookOptions> hooks)
{
    /// <summary>The form when the signature holds; null otherwise, and nothing should change.</summary>
    public async Task<IFormCollection?> VerifiedFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return null;
        var form = await request.ReadFormAsync(cancellationToken);
        var baseUrl = hooks.Value.WebhookBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
        var url = $"{baseUrl}{request.PathBase}{request.Path}{request.QueryString}";
        var fields = form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? "")));
        return TwilioSignature.IsValid(twilio.Value.AuthToken, url, fields, request.Headers[TwilioSignature.Header].ToString()) ? form : null;
    }

    public static IResult Refused() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Signature refused.", detail: "The request is not signed by Twilio.");
}
