using System.Security.Cryptography;
using System.Text;

namespace VetOS.Infrastructure.Messaging.Twilio;

/// <summary>
/// Twilio's request signature: HMAC-SHA1, keyed with the auth token, over the full URL followed by every form field's
/// name and value, sorted by name; Base64 in <c>X-Twilio-Signature</c>.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
            data.Append(name).Append(value);
#pragma warning disable CA5350 // Twilio's scheme, not ours to choose
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form, string? signature) =>
        authToken.Length > 0 && signature is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(authToken, url, form)), Encoding.ASCII.GetBytes(signature));
}
