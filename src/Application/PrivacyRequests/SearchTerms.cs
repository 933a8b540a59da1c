using VetOS.Application.Owners;
using VetOS.Domain.Owners;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// What the erasure scan looks for: the owner's name, email address and phone number (its digits, however written),
/// and their pets' names.
/// </summary>
public static class SearchTerms
{
    public const string Pet = "pet";

    public static IReadOnlyList<SearchTerm> Of(string? name, string? email, string? phone, IEnumerable<string>? petNames = null)
    {
        var terms = new List<SearchTerm>();
        if (!string.IsNullOrWhiteSpace(name))
            terms.Add(new("name", name.Trim()));
        if (!string.IsNullOrWhiteSpace(email))
            terms.Add(new("email", email.Trim()));
        if (!string.IsNullOrWhiteSpace(phone) && new string(phone.Where(char.IsAsciiDigit).ToArray()) is { Length: >= 6 } digits)
            terms.Add(new("phone", digits));
        foreach (var pet in (petNames ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            terms.Add(new(Pet, pet));
        return terms;
    }

    /// <summary>Archived pets too, and names a pet had before it was renamed: the records hold them as much as the others.</summary>
    public static IReadOnlyList<SearchTerm> Of(OwnerFile file) =>
        Of(file.State.Contact?.Name ?? file.Account?.Name, file.Account?.Email, file.State.Contact?.Phone ?? file.Account?.Phone,
            [.. file.State.Pets.Select(p => p.Details.Name), .. file.PetsOnFile.Select(p => p.Name),
             .. file.Events.OfType<PetAdded>().Select(e => e.Name), .. file.Events.OfType<PetDetailsChanged>().Select(e => e.Name)]);
}
