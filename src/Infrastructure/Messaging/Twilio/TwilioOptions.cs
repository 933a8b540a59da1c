namespace VetOS.Infrastructure.Messaging.Twilio;

/// <summary>
/// Twilio's settings (section <c>Twilio</c>). Messages go out with an API key (basic auth); status callbacks and
/// inbound messages are signed with the account's auth token. With no API key, SMS and WhatsApp stay in the local outbox.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = "";

    public string ApiKeySid { get; set; } = "";

    public string ApiKeySecret { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>The SMS sender, an E.164 number.</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>The WhatsApp sender, an E.164 number (sent as <c>whatsapp:+…</c>).</summary>
    public string WhatsAppFrom { get; set; } = "";

    /// <summary>Where Twilio posts delivery statuses; none when empty.</summary>
    public string StatusCallbackUrl { get; set; } = "";

    public Uri BaseUrl { get; set; } = new("https://api.twilio.com/");

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => AccountSid.Length > 0 && ApiKeySid.Length > 0 && ApiKeySecret.Length > 0;
}
