namespace VetOS.Infrastructure.Messaging.Postmark;

/// <summary>Postmark's settings (section <c>Postmark</c>); with no server token, email stays in the local outbox.</summary>
public sealed class PostmarkOptions
{
    public const string Section = "Postmark";

    public string ServerToken { get; set; } = "";

    public string From { get; set; } = "";

    public string MessageStream { get; set; } = "outbound";

    public Uri BaseUrl { get; set; } = new("https://api.postmarkapp.com/");

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => ServerToken.Length > 0 && From.Length > 0;
}
