using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>One owner's consent stream at one clinic: the state and every event, oldest first, with its metadata.</summary>
public sealed record ConsentStream(ConsentLedger Ledger, IReadOnlyList<StoredEvent> Events);

/// <summary>What recomputing a consent stream's hash chain found: intact, or the first event that breaks it and why.</summary>
public sealed record ChainReport(bool Intact, int EventsChecked, long? FirstBrokenRevision, string? Reason);

/// <summary>
/// The consent streams, one per owner and clinic. Each event carries a hash chained to the one before it. Saving also
/// writes the consent periods the send-time check reads, in the same transaction, so a withdrawal holds at once.
/// </summary>
public interface IConsentLedgers
{
    Task<ConsentStream> LoadAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken);

    /// <summary>Fails with <see cref="WrongExpectedRevisionException"/> when the stream moved since <paramref name="expectedRevision"/>.</summary>
    Task<long> SaveAsync(OwnerId owner, ClinicId clinic, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken);

    /// <summary>Recomputes the chain from the events exactly as the store returns them.</summary>
    Task<ChainReport> VerifyAsync(OwnerId owner, ClinicId clinic, CancellationToken cancellationToken);
}

/// <summary>A notice version with its wording, as owners read it.</summary>
public sealed record NoticeText(string Purpose, int Version, string Wording, string Hash, bool Material, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>A purpose as clinics name it, its channels, and its notice versions with their wording, oldest first.</summary>
public sealed record PurposeDetails(string Key, string Name, IReadOnlyList<string> Channels, IReadOnlyList<NoticeText> Notices)
{
    /// <summary>The purpose as the consent rules read it.</summary>
    public ConsentPurpose Rules => new(Key, Channels,
        Notices.Select(n => new NoticeVersion(n.Purpose, n.Version, n.Hash, n.Material, n.PublishedAt)).ToList());
}

/// <summary>A notice version about to be published; the store numbers it.</summary>
public sealed record NoticeDraft(string Wording, string Hash, bool Material, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>The purposes a clinic asks consent for, and the versions of each one's notice.</summary>
public interface IConsentPurposes
{
    /// <summary>Every purpose of the clinic with its notice versions (oldest first); empty for an unknown clinic.</summary>
    Task<IReadOnlyList<ConsentPurpose>> ForClinicAsync(Guid clinic, CancellationToken cancellationToken);

    Task<IReadOnlyList<NoticeText>> NoticesAsync(Guid clinic, CancellationToken cancellationToken);

    /// <summary>Every purpose of the clinic with its name and the wording of each notice version.</summary>
    Task<IReadOnlyList<PurposeDetails>> DetailsAsync(Guid clinic, CancellationToken cancellationToken);

    /// <summary>Adds a purpose with <paramref name="first"/> as its notice version 1; false when the clinic has that purpose already.</summary>
    Task<bool> AddAsync(Guid clinic, string key, string name, IReadOnlyList<string> channels, NoticeDraft first, CancellationToken cancellationToken);

    /// <summary>Publishes the purpose's next notice version; parallel publishers get consecutive versions. Null for an unknown purpose.</summary>
    Task<NoticeText?> PublishAsync(Guid clinic, string purpose, NoticeDraft notice, CancellationToken cancellationToken);
}

/// <summary>The question the messages ask at send time, answered from the consent periods.</summary>
public interface IConsentCheck
{
    /// <summary>Did the owner consent to the purpose on the channel at that instant (granted, not withdrawn, not lapsed by a material notice change)?</summary>
    Task<bool> HasConsentAsync(Guid owner, Guid clinic, string purpose, string channel, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The same question for many at once (the dispatcher asks per batch): one answer per question, in order.</summary>
    async Task<IReadOnlyList<bool>> HasConsentAsync(IReadOnlyList<ConsentQuestion> questions, CancellationToken cancellationToken)
    {
        var answers = new bool[questions.Count];
        for (var i = 0; i < questions.Count; i++)
            answers[i] = await HasConsentAsync(questions[i].Owner, questions[i].Clinic, questions[i].Purpose, questions[i].Channel, questions[i].At, cancellationToken);
        return answers;
    }
}

/// <summary>Where a portal request came from, as consent evidence: the client's IP address and user agent, when known.</summary>
public interface IRequestEvidence
{
    string? IpAddress { get; }

    string? UserAgent { get; }
}

public sealed record ConsentQuestion(Guid Owner, Guid Clinic, string Purpose, string Channel, DateTimeOffset At);
