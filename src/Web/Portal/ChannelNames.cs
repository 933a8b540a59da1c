using VetOS.Domain;

namespace VetOS.Web.Portal;

/// <summary>Message channels in the words owners use.</summary>
public static class ChannelNames
{
    public static string Of(string channel) => channel switch
    {
        MessageChannels.Email => "Email",
        MessageChannels.Sms => "Text message (SMS)",
        MessageChannels.WhatsApp => "WhatsApp",
        _ => channel,
    };

    /// <summary>Within a sentence: "by email", "by text message (SMS)".</summary>
    public static string InText(string channel) => channel switch
    {
        MessageChannels.Email => "email",
        MessageChannels.Sms => "text message (SMS)",
        _ => Of(channel),
    };
}
