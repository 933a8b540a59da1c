namespace VetOS.Domain;

/// <summary>The channels VetOS reaches owners on, as events and the API spell them.</summary>
public static class MessageChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";

    public static readonly IReadOnlyList<string> All = [Email, Sms, WhatsApp];
}
