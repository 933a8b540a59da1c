namespace VetOS.Application.Messaging.Inbound;

public enum InboundIntent { Other, OptOut, OptIn, WillCome, Cancel }

/// <summary>
/// What a one-word reply means. Twilio's opt-out words withdraw consent (CANCEL among them, as Twilio reads it); START
/// restores it; Y and N answer the latest reminder.
/// </summary>
public static class InboundKeywords
{
    public static readonly IReadOnlySet<string> OptOut = new HashSet<string>(["STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL"]);
    public static readonly IReadOnlySet<string> OptIn = new HashSet<string>(["START", "UNSTOP"]);

    public static InboundIntent Classify(string? body)
    {
        var word = (body ?? "").Trim().TrimEnd('.', '!').Trim().ToUpperInvariant();
        return word switch
        {
            _ when OptOut.Contains(word) => InboundIntent.OptOut,
            _ when OptIn.Contains(word) => InboundIntent.OptIn,
            "Y" or "YES" => InboundIntent.WillCome,
            "N" or "NO" => InboundIntent.Cancel,
            _ => InboundIntent.Other,
        };
    }
}
