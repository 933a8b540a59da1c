namespace VetOS.Web.Portal;

/// <summary>A phone number as people write it, with the country it is written in (the clinic's, unless they choose another).</summary>
public sealed record PhoneField(string PhoneName, string? Phone, string CountryName, string? Country);
