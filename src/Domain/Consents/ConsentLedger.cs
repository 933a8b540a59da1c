using System.Collections.Immutable;

namespace VetOS.Domain.Consents;

public enum ConsentStatus { Never, Granted, Withdrawn, Lapsed }

/// <summary>Where one purpose on one channel stands: granted or withdrawn, to which notice version, since when and through what.</summary>
public sealed record Standing(bool Granted, int? NoticeVersion, DateTimeOffset Since, string Source);

/// <summary>One owner's consents at one clinic, as their events left them: the consent stream's state.</summary>
public sealed record ConsentLedger(OwnerId Owner, ClinicId Clinic, ImmutableDictionary<(string Purpose, string Channel), Standing> Standings, long Revision)
{
    public static ConsentLedger Empty(OwnerId owner, ClinicId clinic) => new(owner, clinic, ImmutableDictionary<(string, string), Standing>.Empty, -1);

    public static ConsentLedger From(OwnerId owner, ClinicId clinic, IEnumerable<IConsentEvent> events) =>
        events.Aggregate(Empty(owner, clinic), (ledger, e) => ledger.Apply(e));

    /// <summary>The ledger as it stood at <paramref name="at"/>: a replay of the events that had happened by then.</summary>
    public static ConsentLedger AsOf(OwnerId owner, ClinicId clinic, IEnumerable<IConsentEvent> events, DateTimeOffset at) =>
        From(owner, clinic, events.TakeWhile(e => AtOf(e) <= at));

    public ConsentLedger Apply(IConsentEvent @event) => @event switch
    {
        IConsentChoice c => this with
        {
            Standings = Standings.SetItem((c.Purpose, c.Channel), new Standing(c.Granted, c.NoticeVersion, c.At, c.Source)), Revision = Revision + 1,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Not applied to a consent ledger."),
    };

    public Standing? StandingOf(string purpose, string channel) => Standings.GetValueOrDefault((purpose, channel));

    /// <summary>
    /// Whether messages for the purpose may go out on the channel at <paramref name="at"/>: granted, and to a notice
    /// no material change has replaced by then (otherwise the consent has lapsed until the owner agrees again).
    /// </summary>
    public ConsentStatus StatusOf(ConsentPurpose purpose, string channel, DateTimeOffset at) => StandingOf(purpose.Key, channel) switch
    {
        null => ConsentStatus.Never,
        { Granted: false } => ConsentStatus.Withdrawn,
        { NoticeVersion: { } version } when !purpose.StillCovers(version, at) => ConsentStatus.Lapsed,
        _ => ConsentStatus.Granted,
    };

    public static DateTimeOffset AtOf(IConsentEvent @event) => (@event as IConsentChoice)?.At ?? DateTimeOffset.MinValue;
}
