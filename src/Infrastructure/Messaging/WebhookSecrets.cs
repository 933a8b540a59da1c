using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VetOS.Application.Messaging.Webhooks;
using VetOS.Infrastructure.Messaging.Postmark;
using VetOS.Infrastructure.Messaging.Twilio;

namespace VetOS.Infrastructure.Messaging;

public sealed class WebhookSecrets(IOptions<TwilioOptions> twilio, IOptions<TwilioWebhookOptions> twilioHooks, IOptions<PostmarkWebhookOptions> postmark)
    : IWebhookSecrets
{
    public string? TwilioBaseUrl => twilioHooks.Value.WebhookBaseUrl is { Length: > 0 } configured ? configured : null;

    public bool IsSignedByTwilio(string url, IEnumerable<KeyValuePair<string, string>> form, string? signature) =>
        TwilioSignature.IsValid(twilio.Value.AuthToken, url, form, signature);

    public bool IsPostmarksLogin(byte[] login)
    {
        var (user, password) = (postmark.Value.WebhookUser, postmark.Value.WebhookPassword);
        return user.Length > 0 && password.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(login), SHA256.HashData(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
