using System.Globalization;
using PhoneNumbers;

namespace VetOS.Application.Accounts;

public sealed record PhoneCountry(string Code, string Name, int CallingCode);

/// <summary>
/// Phone numbers as people write them: international (+44 7911 123456), or in their country's own format (07911 123456
/// in the United Kingdom, 098765 43210 in India) with the country given apart. Kept in E.164.
/// </summary>
public static class Phones
{
    public const string Invalid = "'Phone' must be a phone number: with + and the country code (+44 7911 123456), or as written in the chosen country.";
    public const string UnknownCountry = "'Phone Country' must be a country's two-letter code, such as GB or IN.";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Every country whose numbers can be read, by name.</summary>
    public static readonly IReadOnlyList<PhoneCountry> Countries = Util.GetSupportedRegions()
        .Select(code => new PhoneCountry(code, NameOf(code), Util.GetCountryCodeForRegion(code)))
        .OrderBy(c => c.Name, StringComparer.InvariantCulture)
        .ToList();

    public static bool IsKnownCountry(string? country) => country is null || Util.GetSupportedRegions().Contains(country);

    public static bool IsInternational(string? number) => IsValid(number, null);

    /// <summary>A valid number: international, or national in <paramref name="country"/> when one is given.</summary>
    public static bool IsValid(string? number, string? country)
    {
        if (string.IsNullOrWhiteSpace(number) || (country is null && !number.TrimStart().StartsWith('+')) || !IsKnownCountry(country))
            return false;
        try
        {
            return Util.IsValidNumber(Util.Parse(number, country));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static string ToE164(string number, string? country = null) => Util.Format(Util.Parse(number, country), PhoneNumberFormat.E164);

    /// <summary>The country of an international number (the clinic's own, say), or null.</summary>
    public static string? CountryOf(string? number) =>
        IsInternational(number) && Util.GetRegionCodeForNumber(Util.Parse(number, null)) is { } code && code != "ZZ" ? code : null;

    /// <summary>How people of <paramref name="country"/> write the number at home (07911 123456), or the number as it is.</summary>
    public static string National(string number, string? country) =>
        country is not null && IsInternational(number) && CountryOf(number) == country
            ? Util.Format(Util.Parse(number, null), PhoneNumberFormat.NATIONAL)
            : number;

    private static string NameOf(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
