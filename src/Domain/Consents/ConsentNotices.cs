namespace VetOS.Domain.Consents;

/// <summary>
/// A version of the wording owners read before they agree to a purpose. A material change needs their agreement
/// afresh; a change the clinic marks non-material carries earlier consent over.
/// </summary>
public sealed record NoticeVersion(string Purpose, int Version, string Hash, bool Material, DateTimeOffset PublishedAt);

/// <summary>A purpose a clinic asks consent for, the channels it offers it on, and its notice versions, oldest first.</summary>
public sealed record ConsentPurpose(string Key, IReadOnlyList<string> Channels, IReadOnlyList<NoticeVersion> Notices)
{
    public const string AppointmentReminders = "appointment-reminders";

    /// <summary>
    /// The version in force at <paramref name="at"/>. Version 1 holds from the purpose's start even if stamped later:
    /// the database dates a new clinic's first notice by its own clock, which may run ahead of ours.
    /// </summary>
    public NoticeVersion? NoticeAt(DateTimeOffset at) => Notices.LastOrDefault(n => n.PublishedAt <= at) ?? Notices.FirstOrDefault(n => n.Version == 1);

    /// <summary>Whether consent given to <paramref name="version"/> still holds at <paramref name="at"/>: no material change was published since.</summary>
    public bool StillCovers(int version, DateTimeOffset at) => !Notices.Any(n => n.Version > version && n.Material && n.PublishedAt <= at);
}
