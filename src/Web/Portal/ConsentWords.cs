using VetOS.Application.Consents;

namespace VetOS.Web.Portal;

/// <summary>Where a consent stands, in words.</summary>
public static class ConsentWords
{
    public static string State(ChannelConsent consent) => consent.Status switch
    {
        "granted" => $"on since {consent.Since:d MMMM yyyy}",
        "withdrawn" => $"off since {consent.Since:d MMMM yyyy}",
        "lapsed" => $"off since {consent.Since:d MMMM yyyy}, when the clinic changed what it asks: allow it again if you agree",
        _ => "off: never given",
    };
}
