namespace VetOS.Application.Messaging.Webhooks;

/// <summary>
/// Whether a webhook really comes from its provider, judged with secrets only the deployment's settings hold: Twilio
/// signs what it posts with the account's auth token, Postmark sends the basic-auth login it was given.
/// </summary>
public interface IWebhookSecrets
{
    /// <summary>The public base address Twilio calls this deployment at, when configured (behind a proxy the host's own view differs).</summary>
    string? TwilioBaseUrl { get; }

    bool IsSignedByTwilio(string url, IEnumerable<KeyValuePair<string, string>> form, string? signature);

    /// <summary>Whether <paramref name="login"/> (<c>user:password</c> as sent) is Postmark's; with none configured, nothing is.</summary>
    bool IsPostmarksLogin(byte[] login);
}
