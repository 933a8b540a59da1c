using VetOS.Application.EventStore;
using VetOS.Domain.Consents;

namespace VetOS.Application.Consents;

/// <summary>A consent event as read back, with the chain hash stored in it (none if someone removed it).</summary>
public sealed record ChainedEvent(StoredEvent Stored, string? Hash);

/// <summary>Where one purpose on one channel stood at an instant; since, source and notice version belong to that standing.</summary>
public sealed record ConsentState(string Purpose, string Channel, ConsentStatus Status, DateTimeOffset? Since, int? NoticeVersion, string? Source);

/// <summary>A consent in force at a clinic: ids and times only.</summary>
public sealed record ClinicConsent(Guid OwnerId, string Purpose, string Channel, DateTimeOffset Since, int? NoticeVersion);

public static class ConsentChanges
{
    public const string Granted = "granted";
    public const string Withdrawn = "withdrawn";
}

/// <summary>A grant or a withdrawal at a clinic; <see cref="By"/> is the actor's tag, never a name.</summary>
public sealed record ConsentChange(Guid OwnerId, string Purpose, string Channel, string Change, DateTimeOffset At, string Source, string By);

/// <summary>The auditors' reads of consent: the consent periods, and the streams with their chain hashes.</summary>
public interface IConsentReports
{
    /// <summary>Every event of the owner's consent stream at the clinic, oldest first, personal fields opened.</summary>
    Task<IReadOnlyList<ChainedEvent>> HistoryAsync(Guid clinic, Guid owner, CancellationToken cancellationToken);

    /// <summary>Every purpose the clinic offers, on every channel it offers it on, as the consent periods had it at <paramref name="at"/>.</summary>
    Task<IReadOnlyList<ConsentState>> AsOfAsync(Guid clinic, Guid owner, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The consents in force at <paramref name="at"/> (granted, not withdrawn, not lapsed), by owner, purpose and channel.</summary>
    IAsyncEnumerable<ClinicConsent> InForceAsync(Guid clinic, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Grants and withdrawals from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first; a renewal is a grant only.</summary>
    IAsyncEnumerable<ConsentChange> ChangesAsync(Guid clinic, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
