using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// The clinic's privacy requests: each a stream of its events, and the rows (the request and its steps) that the queue, the
/// owner's list, the reminders and the export read, written in the append's transaction.
/// </summary>
public interface IPrivacyRequests
{
    /// <summary>The request as its stream holds it (<see cref="PrivacyRequest.None"/>: none), and the stream's revision (-1: none).</summary>
    Task<(PrivacyRequest Request, long Revision)> LoadAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Fails with <see cref="WrongExpectedRevisionException"/> when the stream moved past <paramref name="expectedRevision"/>.</summary>
    Task<long> AppendAsync(Guid id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken);

    /// <summary>The request as its row holds it.</summary>
    Task<PrivacyRequest?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PrivacyRequestStep>> StepsAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PrivacyRequest>> ForClinicAsync(ClinicId clinic, bool openOnly, CancellationToken cancellationToken);

    Task<IReadOnlyList<PrivacyRequest>> ForOwnerAsync(OwnerId owner, CancellationToken cancellationToken);

    /// <summary>Open requests, at every clinic, due before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<PrivacyRequest>> OpenDueBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>Access exports: built by a background job, kept until they expire.</summary>
public interface IAccessExports
{
    /// <summary>Queues the job that builds the request's export (again, if one was built before).</summary>
    Task QueueAsync(Guid request, DateTimeOffset now, CancellationToken cancellationToken);

    Task ProgressAsync(Guid request, int done, int total, CancellationToken cancellationToken);

    Task SaveAsync(Guid request, string json, string html, DateTimeOffset builtAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task FailedAsync(Guid request, CancellationToken cancellationToken);

    Task<ExportStatus?> StatusAsync(Guid request, CancellationToken cancellationToken);

    /// <summary>The document (<c>json</c> or <c>html</c>), or null when there is none.</summary>
    Task<string?> DocumentAsync(Guid request, string format, CancellationToken cancellationToken);
}

public sealed record ExportStatus(string Status, int SectionsDone, int SectionsTotal, DateTimeOffset QueuedAt, DateTimeOffset? BuiltAt, DateTimeOffset? ExpiresAt);

/// <summary>The search that proves an erasure: every text, JSON and bytea column in every schema, and every event as the store returns it.</summary>
public interface IErasureScan
{
    /// <summary>Scans everything, or, given a scope, what the clinic held: rows and events of other clinics are theirs.</summary>
    Task<ErasureScanReport> ScanAsync(IReadOnlyList<SearchTerm> terms, ErasureScope? scope, CancellationToken cancellationToken);
}

/// <summary>An erasure at one clinic; while another clinic still holds the owner, the account and its record stay, for that clinic.</summary>
public sealed record ErasureScope(Guid Clinic, Guid Owner, bool AccountKept);

/// <summary>What to look for, and which of the owner's details it is (the report names the kind, never the value).</summary>
public sealed record SearchTerm(string Kind, string Value);

/// <summary><paramref name="HeldForOtherClinics"/>: hits in the account and its record, kept while another clinic holds the owner.</summary>
public sealed record ErasureScanReport(
    DateTimeOffset At, IReadOnlyList<string> Searched, int Tables, int Columns, long Rows, long Events, IReadOnlyList<ScanHit> Hits,
    IReadOnlyList<ScanHit>? HeldForOtherClinics = null)
{
    public bool Clean => Hits.Count == 0;
}

/// <summary>
/// <paramref name="Rows"/>: the keys of up to five of the rows that hold the detail (a table's primary key, or its ctid
/// when it has none, or when the key itself holds the detail), or, for events, their revisions in the stream.
/// </summary>
public sealed record ScanHit(string Place, string Kind, long Count, IReadOnlyList<string> Rows);

/// <summary>Erasure reports, stored with the request; and the owners erased at each clinic, which rebuilt projections skip.</summary>
public interface IErasureRecords
{
    Task MarkErasedAsync(DataSubject subject, IReadOnlyList<string> removedSections, DateTimeOffset at, CancellationToken cancellationToken);

    Task SaveReportAsync(Guid request, string by, DateTimeOffset at, object report, CancellationToken cancellationToken);

    /// <summary>The terms the request's erasure looks for, as its first run held them; null before that.</summary>
    Task<IReadOnlyList<SearchTerm>?> HeldTermsAsync(Guid request, CancellationToken cancellationToken);

    /// <summary>Holds the terms sealed, with a key of the request's own, until <see cref="ForgetTermsAsync"/>.</summary>
    Task HoldTermsAsync(Guid request, IReadOnlyList<SearchTerm> terms, CancellationToken cancellationToken);

    /// <summary>What each holder erased for the request so far, in runs before this one.</summary>
    Task<IReadOnlyList<ErasedSection>> SectionsErasedAsync(Guid request, CancellationToken cancellationToken);

    Task SectionErasedAsync(Guid request, ErasedSection section, CancellationToken cancellationToken);

    /// <summary>Destroys the held terms' key and deletes them with the sections. Safe to run again.</summary>
    Task ForgetTermsAsync(Guid request, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredErasureReport>> ReportsAsync(Guid request, CancellationToken cancellationToken);

    /// <summary>The owner's appointments at the clinic still to come (requested or confirmed, not yet started).</summary>
    Task<int> UpcomingAppointmentsAsync(DataSubject subject, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record StoredErasureReport(DateTimeOffset At, string By, System.Text.Json.JsonElement Report);

/// <summary>The clinic's record-keeping duties under its law, and how long its delivery log is kept, from its settings.</summary>
public interface IRecordKeeping
{
    Task<RecordKeeping?> ForAsync(Guid clinic, CancellationToken cancellationToken);

    Task<bool> SetAsync(Guid clinic, string jurisdiction, IReadOnlyList<LegalRetention> retention, CancellationToken cancellationToken);
}

public sealed record RecordKeeping(string Jurisdiction, IReadOnlyList<LegalRetention> Retention, TimeSpan DeliveryLogKeptFor);
