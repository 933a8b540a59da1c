namespace VetOS.Domain.Consents;

/// <summary>A consent rule that was broken: a stable code the API names, and a sentence for people.</summary>
public sealed record ConsentError(string Code, string Message);

public static class ConsentErrors
{
    public static readonly ConsentError UnknownPurpose = new("unknown-purpose", "The clinic asks no consent for that purpose.");
    public static readonly ConsentError ChannelNotOffered = new("channel-not-offered", "The clinic does not send that purpose on that channel.");
    public static readonly ConsentError NoticeOutdated = new("notice-outdated",
        "The notice changed since it was shown; read the current wording and choose again.");
    public static readonly ConsentError NotYours = new("not-yours", "Only the owner, or the clinic's staff on the owner's word, may change this consent.");
    public static readonly ConsentError EvidenceMissing = new("evidence-missing",
        "Say how the owner's choice reached you: staff add a note, an inbound message its id.");
}
