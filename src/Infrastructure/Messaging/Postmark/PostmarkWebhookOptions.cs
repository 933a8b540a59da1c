namespace VetOS.Infrastructure.Messaging.Postmark;

/// <summary>The basic-auth credentials Postmark's webhooks carry (section <c>Postmark</c>); with none set, every webhook is refused.</summary>
public sealed class PostmarkWebhookOptions
{
    public string WebhookUser { get; set; } = "";

    public string WebhookPassword { get; set; } = "";
}
