using VetOS.Domain.Events;

namespace VetOS.Domain.PrivacyRequests;

/// <summary>
/// An event in a request's stream, a step in its life with who took it and when; <see cref="PrivacyRequest.Apply"/> has a
/// case for each. What a person wrote about the owner (details, how they were verified, reasons, outcomes) is sealed with
/// the owner's key at the clinic, and goes with it on erasure.
/// </summary>
public interface IPrivacyRequestEvent
{
    Guid RequestId { get; }
    Guid ClinicId { get; }
    Guid OwnerId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

/// <summary><paramref name="TimeZone"/>: the clinic's, on whose calendar the month to answer is counted.</summary>
[EventType("privacy-request.v1.filed-by-owner")]
public sealed record PrivacyRequestFiled(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, string Kind,
    [property: PersonalData] string Details, string TimeZone, string By, DateTimeOffset At) : IPrivacyRequestEvent;

/// <summary>
/// <paramref name="TimeZone"/>: as for <see cref="PrivacyRequestFiled"/>. <paramref name="Handler"/>: the staff member who
/// verified the person as they logged it, if they did.
/// </summary>
[EventType("privacy-request.v1.logged-by-staff")]
public sealed record PrivacyRequestLogged(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, string Kind, string ReceivedVia,
    [property: PersonalData] string Verification, [property: PersonalData] string Details, DateTimeOffset ReceivedAt, string TimeZone,
    Guid? Handler, string By, DateTimeOffset At) : IPrivacyRequestEvent;

[EventType("privacy-request.v1.identity-verified")]
public sealed record RequesterIdentityVerified(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, [property: PersonalData] string How,
    Guid Handler, string By, DateTimeOffset At) : IPrivacyRequestEvent;

[EventType("privacy-request.v1.started")]
public sealed record PrivacyRequestStarted(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, Guid Handler, string By, DateTimeOffset At)
    : IPrivacyRequestEvent;

[EventType("privacy-request.v1.extended")]
public sealed record PrivacyRequestExtended(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, int Months,
    [property: PersonalData] string Reason, DateTimeOffset DueAt, string By, DateTimeOffset At) : IPrivacyRequestEvent;

[EventType("privacy-request.v1.completed")]
public sealed record PrivacyRequestCompleted(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, [property: PersonalData] string Outcome,
    Guid Handler, string By, DateTimeOffset At) : IPrivacyRequestEvent;

/// <summary>The outcome is the erasure report's summary, no personal data: it is written after the owner's key is destroyed.</summary>
[EventType("privacy-request.v1.erasure-completed")]
public sealed record ErasureRequestCompleted(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, string Outcome, Guid Handler,
    string By, DateTimeOffset At) : IPrivacyRequestEvent;

[EventType("privacy-request.v1.correction-completed")]
public sealed record CorrectionRequestCompleted(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, [property: PersonalData] string Why,
    Guid Handler, string By, DateTimeOffset At) : IPrivacyRequestEvent;

[EventType("privacy-request.v1.partly-refused")]
public sealed record PrivacyRequestPartlyRefused(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, [property: PersonalData] string Reasons,
    Guid Handler, string By, DateTimeOffset At) : IPrivacyRequestEvent;

[EventType("privacy-request.v1.export-queued-again")]
public sealed record AccessExportQueuedAgain(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, string By, DateTimeOffset At)
    : IPrivacyRequestEvent;

[EventType("privacy-request.v1.export-downloaded")]
public sealed record AccessExportDownloaded(
    Guid RequestId, [property: DataController] Guid ClinicId, [property: DataSubject] Guid OwnerId, string Format, string By, DateTimeOffset At)
    : IPrivacyRequestEvent;
