namespace VetOS.Application.PersonalData;

/// <summary>
/// Whose key seals a personal field. What a clinic controls (appointments, consent evidence) is sealed with the owner's
/// key at that clinic, so erasing at one clinic leaves what another holds; what belongs to the account itself (contact
/// details, pets) is sealed with the owner's own key, destroyed when the account goes.
/// </summary>
public static class SubjectKeys
{
    public static string Of(Guid owner) => owner.ToString();

    public static string Of(Guid clinic, Guid owner) => Of(clinic.ToString(), owner.ToString());

    /// <summary>The same, from the ids as an event's JSON holds them.</summary>
    public static string Of(string clinic, string owner) => $"{clinic}/{owner}";
}
