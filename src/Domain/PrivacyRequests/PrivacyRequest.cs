using VetOS.Domain.Clinics;

namespace VetOS.Domain.PrivacyRequests;

public enum PrivacyRequestKind { Access, Correction, Erasure }

public enum PrivacyRequestStatus { Received, IdentityVerified, InProgress, Completed, PartlyRefused }

/// <summary>Where a request stands against its deadline.</summary>
public enum DeadlineFlag { OnTime, DueSoon, Overdue, Closed }

/// <summary>How the clinic received a request: through the portal, or by staff who took it by email, phone or in person.</summary>
public static class RequestChannels
{
    public const string Portal = "portal";
    public static readonly IReadOnlyList<string> Staff = ["email", "phone", "in-person", "post"];
}

/// <summary>The outcome of a decision on a request: the new events (none when nothing changes), or the rule that was broken.</summary>
public sealed record PrivacyRequestDecision(IReadOnlyList<object> Events, PrivacyRequestError? Error) : Decision<PrivacyRequestError>(Events, Error)
{
    public static PrivacyRequestDecision Accept(params IPrivacyRequestEvent[] events) => new(events, null);

    public static implicit operator PrivacyRequestDecision(PrivacyRequestError error) => new([], error);
}

/// <summary>
/// An owner's request to the clinic, the controller, to access, correct or erase their data. The clinic answers within one
/// month of receipt; it may extend that by up to two more months, giving a reason the owner is told. Identity is verified
/// before anything is disclosed or erased. <see cref="Revision"/> counts the changes to the request itself: steps that change
/// nothing (an export downloaded or built again) leave it, so they do not make a reader's copy stale.
/// </summary>
public sealed record PrivacyRequest(
    Guid Id, ClinicId Clinic, OwnerId Owner, PrivacyRequestKind Kind, string ReceivedVia, string Verification, string Details,
    DateTimeOffset ReceivedAt, int ExtendedByMonths, string? ExtensionReason, PrivacyRequestStatus Status, Guid? Handler,
    string? Outcome, long Revision)
{
    public const int MostExtraMonths = 2;
    public static readonly TimeSpan NearlyDue = TimeSpan.FromDays(7);

    /// <summary>No request: the state before its stream's first event.</summary>
    public static readonly PrivacyRequest None =
        new(Guid.Empty, default, default, default, "", "", "", default, 0, null, PrivacyRequestStatus.Received, null, null, -1);

    public bool Exists => Id != Guid.Empty;

    /// <summary>The clinic's calendar the request was received on: its time zone.</summary>
    public TimeZoneInfo Calendar { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// "One month" is calendar months on the clinic's calendar from receipt: the same local day and time of day in the
    /// month due, or that month's last day when it is shorter (received 31 January, due 28 February, 29 in a leap year),
    /// whatever the clocks did in between. Extensions count from receipt too, so two extra months from 31 January fall
    /// due on 30 April, not 28 April. A time the clocks skip or repeat that day counts at its earliest.
    /// </summary>
    public DateTimeOffset DueAt =>
        LocalTime.Earliest(Calendar, TimeZoneInfo.ConvertTime(ReceivedAt, Calendar).DateTime.AddMonths(1 + ExtendedByMonths)).ToUniversalTime();

    public bool IsOpen => Status is not (PrivacyRequestStatus.Completed or PrivacyRequestStatus.PartlyRefused);

    public DeadlineFlag FlagAt(DateTimeOffset now) =>
        !IsOpen ? DeadlineFlag.Closed
        : now > DueAt ? DeadlineFlag.Overdue
        : DueAt - now <= NearlyDue ? DeadlineFlag.DueSoon
        : DeadlineFlag.OnTime;

    /// <summary>An owner filed it from the portal, signed in: their identity is still checked by staff before disclosure.</summary>
    public static PrivacyRequestDecision FileByOwner(
        Guid id, ClinicId clinic, OwnerId owner, PrivacyRequestKind kind, string details, TimeZoneInfo calendar, DateTimeOffset now) =>
        PrivacyRequestDecision.Accept(new PrivacyRequestFiled(id, clinic.Value, owner.Value, NameOf(kind), details, calendar.Id, $"owner:{owner}", now));

    /// <summary>Staff logged one received by email, phone, post or in person, noting how they verified the person.</summary>
    public static PrivacyRequestDecision LogByStaff(
        Guid id, ClinicId clinic, OwnerId owner, PrivacyRequestKind kind, string via, string verification, string details,
        DateTimeOffset receivedAt, TimeZoneInfo calendar, Actor by, DateTimeOffset now) =>
        PrivacyRequestDecision.Accept(new PrivacyRequestLogged(id, clinic.Value, owner.Value, NameOf(kind), via, verification, details, receivedAt,
            calendar.Id, verification.Length > 0 ? by.Id : null, by.Tag, now));

    public PrivacyRequestDecision VerifyIdentity(string how, Actor by, DateTimeOffset now) =>
        !IsOpen ? PrivacyRequestErrors.Closed
        : Status != PrivacyRequestStatus.Received ? PrivacyRequestErrors.AlreadyVerified
        : PrivacyRequestDecision.Accept(new RequesterIdentityVerified(Id, Clinic.Value, Owner.Value, how, by.Id, by.Tag, now));

    public PrivacyRequestDecision Start(Actor by, DateTimeOffset now) =>
        !IsOpen ? PrivacyRequestErrors.Closed
        : Status == PrivacyRequestStatus.Received ? PrivacyRequestErrors.NotVerified
        : PrivacyRequestDecision.Accept(new PrivacyRequestStarted(Id, Clinic.Value, Owner.Value, by.Id, by.Tag, now));

    /// <summary>An access request's export is built once it is started, and again when asked while in progress.</summary>
    public PrivacyRequestDecision StartExport(Actor by, DateTimeOffset now) =>
        Kind != PrivacyRequestKind.Access ? PrivacyRequestErrors.WrongKind
        : Status == PrivacyRequestStatus.InProgress ? PrivacyRequestDecision.Accept(new AccessExportQueuedAgain(Id, Clinic.Value, Owner.Value, by.Tag, now))
        : Start(by, now);

    public PrivacyRequestDecision RecordDownload(string format, Actor by, DateTimeOffset now) =>
        PrivacyRequestDecision.Accept(new AccessExportDownloaded(Id, Clinic.Value, Owner.Value, format, by.Tag, now));

    public PrivacyRequestDecision Extend(int months, string reason, Actor by, DateTimeOffset now) =>
        !IsOpen ? PrivacyRequestErrors.Closed
        : string.IsNullOrWhiteSpace(reason) ? PrivacyRequestErrors.ExtensionNeedsReason
        : months < 1 || ExtendedByMonths + months > MostExtraMonths ? PrivacyRequestErrors.ExtensionTooLong
        : PrivacyRequestDecision.Accept(new PrivacyRequestExtended(Id, Clinic.Value, Owner.Value, months, reason,
            (this with { ExtendedByMonths = ExtendedByMonths + months }).DueAt, by.Tag, now));

    public PrivacyRequestDecision Complete(string outcome, Actor by, DateTimeOffset now) =>
        Close(by, handler => new PrivacyRequestCompleted(Id, Clinic.Value, Owner.Value, outcome, handler, by.Tag, now));

    /// <summary>An erasure request is completed with its report's outcome, once the erasure ran and the scan came back clean.</summary>
    public PrivacyRequestDecision CompleteErasure(string outcome, Actor by, DateTimeOffset now) =>
        Kind != PrivacyRequestKind.Erasure ? PrivacyRequestErrors.WrongKind
        : Close(by, handler => new ErasureRequestCompleted(Id, Clinic.Value, Owner.Value, outcome, handler, by.Tag, now));

    /// <summary>
    /// A correction request is answered by correcting the contact details, by staff or by the owner themselves: completed,
    /// saying who did it (the step) and why.
    /// </summary>
    public PrivacyRequestDecision CompleteCorrection(string why, Actor by, DateTimeOffset now) =>
        Kind != PrivacyRequestKind.Correction ? PrivacyRequestErrors.WrongKind
        : string.IsNullOrWhiteSpace(why) ? PrivacyRequestErrors.CorrectionNeedsReason
        : by.Role == ActorRole.Owner ? CorrectedByTheOwner(why, by, now)
        : Close(by, handler => new CorrectionRequestCompleted(Id, Clinic.Value, Owner.Value, why, handler, by.Tag, now));

    /// <summary>The owner, signed in as themselves, corrected the details: there is nobody to verify, and nobody else's request to close.</summary>
    private PrivacyRequestDecision CorrectedByTheOwner(string why, Actor by, DateTimeOffset now) =>
        by.Id != Owner.Value ? PrivacyRequestErrors.NotFound
        : !IsOpen ? PrivacyRequestErrors.Closed
        : PrivacyRequestDecision.Accept(new CorrectionRequestCompleted(Id, Clinic.Value, Owner.Value, why, Handler ?? by.Id, by.Tag, now));

    /// <summary>Part of the request is refused (say, records the clinic must keep by law), with the reasons.</summary>
    public PrivacyRequestDecision PartlyRefuse(string reasons, Actor by, DateTimeOffset now) =>
        Close(by, handler => new PrivacyRequestPartlyRefused(Id, Clinic.Value, Owner.Value, reasons, handler, by.Tag, now));

    private PrivacyRequestDecision Close(Actor by, Func<Guid, IPrivacyRequestEvent> closed) =>
        !IsOpen ? PrivacyRequestErrors.Closed
        : Status == PrivacyRequestStatus.Received ? PrivacyRequestErrors.NotVerified
        : PrivacyRequestDecision.Accept(closed(Handler ?? by.Id));

    public static string CorrectionOutcome(string why) => $"Contact details corrected: {why}";

    public static TimeZoneInfo CalendarOf(string timeZone) => TimeZoneInfo.FindSystemTimeZoneById(timeZone);

    public static string NameOf(PrivacyRequestKind kind) => kind.ToString().ToLowerInvariant();

    public PrivacyRequest Apply(IPrivacyRequestEvent @event) => @event switch
    {
        PrivacyRequestFiled e => new(e.RequestId, new ClinicId(e.ClinicId), new OwnerId(e.OwnerId), KindOf(e.Kind), RequestChannels.Portal, "",
            e.Details, e.At, 0, null, PrivacyRequestStatus.Received, null, null, 0) { Calendar = CalendarOf(e.TimeZone) },
        PrivacyRequestLogged e => new(e.RequestId, new ClinicId(e.ClinicId), new OwnerId(e.OwnerId), KindOf(e.Kind), e.ReceivedVia, e.Verification,
            e.Details, e.ReceivedAt, 0, null, e.Handler is null ? PrivacyRequestStatus.Received : PrivacyRequestStatus.IdentityVerified, e.Handler, null, 0)
            { Calendar = CalendarOf(e.TimeZone) },
        RequesterIdentityVerified e => Changed(this with { Status = PrivacyRequestStatus.IdentityVerified, Verification = e.How, Handler = e.Handler }),
        PrivacyRequestStarted e => Changed(this with { Status = PrivacyRequestStatus.InProgress, Handler = e.Handler }),
        PrivacyRequestExtended e => Changed(this with { ExtendedByMonths = ExtendedByMonths + e.Months, ExtensionReason = e.Reason }),
        PrivacyRequestCompleted e => Closed(PrivacyRequestStatus.Completed, e.Outcome, e.Handler),
        ErasureRequestCompleted e => Closed(PrivacyRequestStatus.Completed, e.Outcome, e.Handler),
        CorrectionRequestCompleted e => Closed(PrivacyRequestStatus.Completed, CorrectionOutcome(e.Why), e.Handler),
        PrivacyRequestPartlyRefused e => Closed(PrivacyRequestStatus.PartlyRefused, e.Reasons, e.Handler),
        AccessExportQueuedAgain or AccessExportDownloaded => this,
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Not applied to a privacy request."),
    };

    public static PrivacyRequest From(IEnumerable<IPrivacyRequestEvent> events) => events.Aggregate(None, (state, e) => state.Apply(e));

    private PrivacyRequest Closed(PrivacyRequestStatus status, string outcome, Guid handler) =>
        Changed(this with { Status = status, Outcome = outcome, Handler = handler });

    private PrivacyRequest Changed(PrivacyRequest next) => next with { Revision = Revision + 1 };

    private static PrivacyRequestKind KindOf(string name) => Enum.Parse<PrivacyRequestKind>(name, ignoreCase: true);
}
