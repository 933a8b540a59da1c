using VetOS.Application.Common;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>Where one purpose on one channel stands for an owner: never, granted, withdrawn or lapsed; since when; to which notice version.</summary>
public sealed record ChannelConsent(string Channel, string Status, DateTimeOffset? Since, int? NoticeVersion)
{
    /// <summary>A lapsed consent stands so since the material notice that replaced it was published.</summary>
    public static ChannelConsent Of(ConsentLedger ledger, ConsentPurpose purpose, string channel, DateTimeOffset at)
    {
        var status = ledger.StatusOf(purpose, channel, at);
        var standing = ledger.StandingOf(purpose.Key, channel);
        var since = status == ConsentStatus.Lapsed
            ? purpose.Notices.Where(n => n.Material && n.Version > standing!.NoticeVersion && n.PublishedAt <= at).Min(n => n.PublishedAt)
            : standing?.Since;
        return new(channel, status.ToString().ToLowerInvariant(), since, standing?.NoticeVersion);
    }
}

/// <summary>What a consent choice did: the consent's new standing, or the rule it broke. Staff who record it have read the owner's consent.</summary>
public sealed record ConsentChoiceResult(Guid Clinic, Guid Owner, string Purpose, ChannelConsent? Standing, ConsentError? Error) : IShowsOwnerData
{
    string IShowsOwnerData.Record => $"consent {Purpose}";

    IEnumerable<Guid> IShowsOwnerData.OwnersShown => Error is null ? [Owner] : [];

    public static ConsentChoiceResult Refused(Guid clinic, Guid owner, string purpose, ConsentError error) => new(clinic, owner, purpose, null, error);
}

/// <summary>Refusals that come from the records rather than the consent rules.</summary>
public static class ConsentRefusals
{
    public static readonly ConsentError NotAClient = new("not-found", "There is no such client of the clinic.");
    public static readonly ConsentError NoSuchPurpose = new("not-found", "The clinic asks no consent for that purpose.");
    public static readonly ConsentError PurposeExists = new("purpose-exists", "The clinic asks consent for that purpose already.");
    public static readonly ConsentError Busy = new("changed-concurrently", "The consent kept changing while we saved yours; try again.");
}
