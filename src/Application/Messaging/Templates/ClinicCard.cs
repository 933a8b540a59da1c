using System.Globalization;

namespace VetOS.Application.Messaging.Templates;

/// <summary>Who a message comes from and how to reach them: every message to an owner ends with it.</summary>
public sealed record ClinicCard(string Name, string Address, string Email, string Phone, TimeZoneInfo TimeZone)
{
    /// <summary>The closing lines of an email.</summary>
    public string Footer => string.Join("\n", new[] { Name, Address, Phone.Length > 0 ? $"Phone: {Phone}" : "", Email.Length > 0 ? $"Email: {Email}" : "" }
        .Where(line => line.Length > 0));

    /// <summary>How an SMS or WhatsApp message reaches the clinic, in one short phrase.</summary>
    public string Contact => (Phone, Email) switch
    {
        ({ Length: > 0 }, { Length: > 0 }) => $"call {Phone} or email {Email}",
        ({ Length: > 0 }, _) => $"call {Phone}",
        (_, { Length: > 0 }) => $"email {Email}",
        _ => "contact the clinic",
    };

    /// <summary>An instant as the clinic's clock shows it, e.g. "Monday 30 March 2026 at 09:00".</summary>
    public string Long(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The same, short enough for an SMS: "Mon 30 Mar 09:00".</summary>
    public string Short(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
}
