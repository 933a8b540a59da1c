namespace VetOS.Infrastructure.Messaging.Twilio;

/// <summary>
/// Twilio settings for what VetOS writes and receives (section <c>Twilio</c>, beside <see cref="TwilioOptions"/>): the
/// public address Twilio signs its webhooks against, and the approved WhatsApp template for reminders.
/// </summary>
public sealed class TwilioWebhookOptions
{
    /// <summary>The public base address of this deployment as Twilio calls it, e.g. <c>https://vetos.example</c>; signatures cover it.</summary>
    public string WebhookBaseUrl { get; set; } = "";

    /// <summary>The approved WhatsApp template (ContentSid) for reminders outside the 24-hour window; variables 1 pet, 2 time, 3 clinic.</summary>
    public string ReminderTemplateSid { get; set; } = "";
}
