using System.Globalization;
using System.Text;
using CsCheck;

namespace VetOS.TestSupport.Fuzzing;

/// <summary>The values a careless client or an attacker sends, as CsCheck generators, next to plausible ones.</summary>
public static class HostileValues
{
    private static readonly string[] Plausible =
    [
        "Ada Lovelace", "ada@example.org", "+447911123456", "+44 7911 123456", "dog", "cat", "rabbit", "sms", "email", "appointment-reminders",
        "csv", "json", "Europe/London", "riverside", "a long passphrase for my dog", "Bites when nervous.", "STOP", "vet", "room", "2026-11-24",
        "receptionist", "clinicadmin", "auditor", "delivered", "failed", "access", "erasure", "Moved away.",
    ];

    private static readonly string[] Nasty =
    [
        "", " ", "\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\r\n", "\t", "\u2028", "\uFEFF", "\uD800", "\uDFFF", "x\uD83D", "\uFFFF", "null",
        "undefined", "NaN", "-1", "0", "true", "[]", "{}", "'; drop table owners; --", "<script>alert(1)</script>", "=HYPERLINK(\"http://evil\")",
        "../../etc/passwd", "%00", "%ZZ", "\\u0000", "${jndi:ldap://x}", "🐶🐱", "e\u0301", "İ", "0001-01-01", "9999-12-31T23:59:59Z",
        "-0001-01-01", "2026-02-30", "2026-11-24T25:00:00Z", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ];

    public static readonly Gen<string> PlausibleText = Gen.OneOf(Plausible);

    public static readonly Gen<string> NearDate =
        Gen.Int[-3, 60].Select(days => new DateOnly(2026, 11, 23).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static readonly Gen<string> NearDateTime = Gen.Select(Gen.Int[-3, 60], Gen.Int[32, 72], (days, quarter) =>
        new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero).AddDays(days).AddMinutes(15 * quarter).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    public static readonly Gen<string> Control = Gen.Char[(char)0, (char)31].Select(c => c.ToString());

    public static readonly Gen<string> Huge = Gen.OneOf<string>(
        Gen.Int[1_000, 70_000].Select(n => new string('a', n)),
        Gen.Int[10, 2_000].Select(n => string.Concat(Enumerable.Repeat("\u0000\uD800é", n))));

    public static readonly Gen<string> Text = Gen.Frequency<string>(
        (4, PlausibleText),
        (4, Gen.OneOf(Nasty)),
        (3, Gen.Select(Gen.OneOf(Plausible), Gen.OneOf<string>(Control, Gen.OneOf(Nasty)), Gen.Int[0, 20],
            (text, bad, at) => text.Insert(Math.Min(at, text.Length), bad))),
        (2, Gen.String[Gen.Char[(char)0, (char)0xFFFF], 0, 40]),
        (1, Huge));

    public static readonly Gen<string> Number = Gen.Frequency<string>(
        (4, Gen.Int[-5, 200].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.OneOf("0", "-1", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775809",
            "1e308", "-1e308", "1e400", "1.5", "-0", "0.0000001", "99999999999999999999999999999", "1E+2", "0x10", "NaN", "Infinity", "")),
        (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))));

    public static readonly Gen<string> Date = Gen.Frequency<string>(
        (4, NearDate),
        (3, Gen.OneOf("0001-01-01", "9999-12-31", "0000-00-00", "2026-02-29", "2024-02-29", "2026-13-01", "2026-11-24T10:00:00Z", "today", "")),
        (1, Gen.Int[1, 3_652_058].Select(days => DateOnly.FromDayNumber(days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

    public static readonly Gen<string> DateTime = Gen.Frequency<string>(
        (4, NearDateTime),
        (3, Gen.OneOf("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00",
            "2027-10-31T01:30:00+01:00", "2027-03-28T01:30:00", "2026-11-24", "2026-11-24T10:00:00+99:00", "1970-01-01T00:00:00Z", "")),
        (1, Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks].Select(ticks =>
            new DateTimeOffset(ticks, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture))));

    /// <summary>A JSON string literal that keeps what System.Text.Json would repair: lone surrogates and control characters as escapes.</summary>
    public static string JsonString(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case < ' ' or (>= '\uD800' and <= '\uDFFF'): json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"').ToString();
    }

    /// <summary>Percent-encodes a path segment or query value byte by byte; a lone surrogate becomes the invalid UTF-8 it would be.</summary>
    public static string UrlEncode(string value)
    {
        var url = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                url.Append(c);
            else if (char.IsSurrogate(c))
                foreach (var b in new[] { 0xED, 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F) })
                    url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            else
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                    url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return url.ToString();
    }
}
