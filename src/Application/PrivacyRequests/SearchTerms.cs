using VetOS.Application.Owners;

namespace VetOS.Application.PrivacyRequests;

/// <summary>What the erasure scan looks for: the owner's name, email address and phone number (its digits, however written).</summary>
public static class SearchTerms
{
    public static IReadOnlyList<SearchTerm> Of(string? name, string? email, string? phone)
    {
        var terms = new List<SearchTerm>();
        if (!string.IsNullOrWhiteSpace(name))
            terms.Add(new("name", name.Trim()));
        if (!string.IsNullOrWhiteSpace(email))
            terms.Add(new("email", email.Trim()));
        if (!string.IsNullOrWhiteSpace(phone) && new string(phone.Where(char.IsAsciiDigit).ToArray()) is { Length: >= 6 } digits)
            terms.Add(new("phone", digits));
        return terms;
    }

    public static IReadOnlyList<SearchTerm> Of(OwnerFile file) =>
        Of(file.State.Contact?.Name ?? file.Account?.Name, file.Account?.Email, file.State.Contact?.Phone ?? file.Account?.Phone);
}
