namespace VetOS.Application.Messaging;

/// <summary>An approved WhatsApp template (Twilio's ContentSid) and its variables, for messages outside the 24-hour window.</summary>
public sealed record WhatsAppTemplate(string ContentSid, IReadOnlyDictionary<string, string> Variables);

public static class TextContent
{
    /// <summary>
    /// What goes to Twilio at send time: the free text, unless this is WhatsApp outside the 24-hour window and the
    /// message has an approved template, which is then the only thing WhatsApp lets a business send.
    /// </summary>
    public static OutgoingText For(string channel, string to, string body, WhatsAppTemplate? template, bool windowOpen) =>
        channel == Domain.MessageChannels.WhatsApp && template is not null && !windowOpen
            ? new OutgoingText(channel, to, null, template.ContentSid, template.Variables)
            : new OutgoingText(channel, to, body);
}
