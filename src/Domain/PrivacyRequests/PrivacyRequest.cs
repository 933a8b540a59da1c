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

public sealed record PrivacyRequestError(string Code, string Message);

public static class PrivacyRequestErrors
{
    public static readonly PrivacyRequestError NotFound = new("not-found", "There is no such request.");
    public static readonly PrivacyRequestError Closed = new("request-closed", "The request is closed already.");
    public static readonly PrivacyRequestError NotVerified = new("identity-not-verified", "Verify the requester's identity first.");
    public static readonly PrivacyRequestError AlreadyVerified = new("identity-already-verified", "The requester's identity is verified already.");
    public static readonly PrivacyRequestError ExtensionTooLong = new("extension-too-long",
        "A request may be extended by at most two months in all.");
    public static readonly PrivacyRequestError ExtensionNeedsReason = new("extension-needs-reason",
        "Give the reason for the extension; the owner is told it.");
    public static readonly PrivacyRequestError CorrectionNeedsReason = new("correction-needs-reason", "Say why the details are corrected.");
    public static readonly PrivacyRequestError WrongKind = new("wrong-kind", "That is not what this request asks for.");
    public static readonly PrivacyRequestError UpcomingAppointments = new("upcoming-appointments",
        "The owner has appointments still to come at the clinic: cancel them (or let them pass) before erasing.");
    public static readonly PrivacyRequestError TracesFound = new("traces-found",
        "The erasure ran, but the scan still finds the owner's details; see the report. The request stays in progress.");
    public static readonly PrivacyRequestError Stale = new("changed-since-read", "The request changed since you last read it; reload it and try again.");
}

/// <summary>One step in a request's life: what happened, when, by whom, and a note for the record.</summary>
public sealed record PrivacyRequestStep(DateTimeOffset At, string By, string What, string Note);

/// <summary>A request moved on, with the step that records it; or the rule it broke.</summary>
public sealed record PrivacyRequestChange(PrivacyRequest? Next, PrivacyRequestStep? Step, PrivacyRequestError? Error)
{
    public static PrivacyRequestChange Refused(PrivacyRequestError error) => new(null, null, error);
}

/// <summary>
/// An owner's request to the clinic, the controller, to access, correct or erase their data. The clinic answers within one
/// month of receipt; it may extend that by up to two more months, giving a reason the owner is told. Identity is verified
/// before anything is disclosed or erased.
/// </summary>
public sealed record PrivacyRequest(
    Guid Id, ClinicId Clinic, OwnerId Owner, PrivacyRequestKind Kind, string ReceivedVia, string Verification, string Details,
    DateTimeOffset ReceivedAt, int ExtendedByMonths, string? ExtensionReason, PrivacyRequestStatus Status, Guid? Handler,
    string? Outcome, long Revision)
{
    public const int MostExtraMonths = 2;
    public static readonly TimeSpan NearlyDue = TimeSpan.FromDays(7);

    /// <summary>
    /// "One month" is calendar months from the instant of receipt, as stored (UTC): the same day and time of day in the
    /// month due, or that month's last day when it is shorter (received 31 January, due 28 February, 29 in a leap year).
    /// Extensions count from receipt too, so two extra months from 31 January fall due on 30 April, not 28 April.
    /// </summary>
    public DateTimeOffset DueAt => ReceivedAt.AddMonths(1 + ExtendedByMonths);

    public bool IsOpen => Status is not (PrivacyRequestStatus.Completed or PrivacyRequestStatus.PartlyRefused);

    public DeadlineFlag FlagAt(DateTimeOffset now) =>
        !IsOpen ? DeadlineFlag.Closed
        : now > DueAt ? DeadlineFlag.Overdue
        : DueAt - now <= NearlyDue ? DeadlineFlag.DueSoon
        : DeadlineFlag.OnTime;

    /// <summary>An owner filed it from the portal, signed in: their identity is still checked by staff before disclosure.</summary>
    public static (PrivacyRequest, PrivacyRequestStep) FiledByOwner(Guid id, ClinicId clinic, OwnerId owner, PrivacyRequestKind kind, string details, DateTimeOffset now) =>
        (new(id, clinic, owner, kind, RequestChannels.Portal, "", details, now, 0, null, PrivacyRequestStatus.Received, null, null, 0),
            new(now, $"owner:{owner}", "filed", "through the portal"));

    /// <summary>Staff logged one received by email, phone, post or in person, noting how they verified the person.</summary>
    public static (PrivacyRequest, PrivacyRequestStep) LoggedByStaff(
        Guid id, ClinicId clinic, OwnerId owner, PrivacyRequestKind kind, string via, string verification, string details,
        DateTimeOffset receivedAt, Actor by, DateTimeOffset now)
    {
        var verified = verification.Length > 0;
        var request = new PrivacyRequest(id, clinic, owner, kind, via, verification, details, receivedAt, 0, null,
            verified ? PrivacyRequestStatus.IdentityVerified : PrivacyRequestStatus.Received, verified ? by.Id : null, null, 0);
        return (request, new(now, by.Tag, "logged", verified ? $"received by {via}; identity verified: {verification}" : $"received by {via}"));
    }

    public PrivacyRequestChange VerifyIdentity(string how, Actor by, DateTimeOffset now) =>
        !IsOpen ? PrivacyRequestChange.Refused(PrivacyRequestErrors.Closed)
        : Status != PrivacyRequestStatus.Received ? PrivacyRequestChange.Refused(PrivacyRequestErrors.AlreadyVerified)
        : Move(this with { Status = PrivacyRequestStatus.IdentityVerified, Verification = how, Handler = by.Id }, by, now, "identity verified", how);

    public PrivacyRequestChange Start(Actor by, DateTimeOffset now) =>
        !IsOpen ? PrivacyRequestChange.Refused(PrivacyRequestErrors.Closed)
        : Status == PrivacyRequestStatus.Received ? PrivacyRequestChange.Refused(PrivacyRequestErrors.NotVerified)
        : Move(this with { Status = PrivacyRequestStatus.InProgress, Handler = by.Id }, by, now, "in progress", "");

    public PrivacyRequestChange Extend(int months, string reason, Actor by, DateTimeOffset now) =>
        !IsOpen ? PrivacyRequestChange.Refused(PrivacyRequestErrors.Closed)
        : string.IsNullOrWhiteSpace(reason) ? PrivacyRequestChange.Refused(PrivacyRequestErrors.ExtensionNeedsReason)
        : months < 1 || ExtendedByMonths + months > MostExtraMonths ? PrivacyRequestChange.Refused(PrivacyRequestErrors.ExtensionTooLong)
        : Move(this with { ExtendedByMonths = ExtendedByMonths + months, ExtensionReason = reason }, by, now,
            $"extended by {months} month{(months == 1 ? "" : "s")}", reason);

    public PrivacyRequestChange Complete(string outcome, Actor by, DateTimeOffset now) =>
        Close(PrivacyRequestStatus.Completed, outcome, by, now, "completed");

    /// <summary>A correction request is answered by correcting the contact details: completed, saying who did it (the step) and why.</summary>
    public PrivacyRequestChange CompleteCorrection(string why, Actor by, DateTimeOffset now) =>
        Kind != PrivacyRequestKind.Correction ? PrivacyRequestChange.Refused(PrivacyRequestErrors.WrongKind)
        : string.IsNullOrWhiteSpace(why) ? PrivacyRequestChange.Refused(PrivacyRequestErrors.CorrectionNeedsReason)
        : Close(PrivacyRequestStatus.Completed, $"Contact details corrected: {why}", by, now, "contact details corrected");

    /// <summary>Part of the request is refused (say, records the clinic must keep by law), with the reasons.</summary>
    public PrivacyRequestChange PartlyRefuse(string reasons, Actor by, DateTimeOffset now) =>
        Close(PrivacyRequestStatus.PartlyRefused, reasons, by, now, "partly refused");

    private PrivacyRequestChange Close(PrivacyRequestStatus status, string outcome, Actor by, DateTimeOffset now, string what) =>
        !IsOpen ? PrivacyRequestChange.Refused(PrivacyRequestErrors.Closed)
        : Status == PrivacyRequestStatus.Received ? PrivacyRequestChange.Refused(PrivacyRequestErrors.NotVerified)
        : Move(this with { Status = status, Outcome = outcome, Handler = Handler ?? by.Id }, by, now, what, outcome);

    private PrivacyRequestChange Move(PrivacyRequest next, Actor by, DateTimeOffset now, string what, string note) =>
        new(next with { Revision = Revision + 1 }, new PrivacyRequestStep(now, by.Tag, what, note), null);
}
