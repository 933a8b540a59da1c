using VetOS.Domain.Events;

namespace VetOS.Domain.Consents;

/// <summary>An event in a consent stream; <see cref="ConsentLedger.Apply"/> has a case for each.</summary>
public interface IConsentEvent;

/// <summary>What a grant and a withdrawal share: one choice of one purpose on one channel, with its evidence.</summary>
public interface IConsentChoice : IConsentEvent
{
    string Purpose { get; }
    string Channel { get; }
    string Source { get; }
    int? NoticeVersion { get; }
    string? NoticeHash { get; }
    string? IpAddress { get; }
    string? UserAgent { get; }
    string? MessageId { get; }
    string? Note { get; }
    string By { get; }
    DateTimeOffset At { get; }

    bool Granted => this is ConsentGranted;
}

/// <summary>
/// An owner agreed to messages for one purpose on one channel. The evidence travels with it: who acted, through
/// what (<see cref="ConsentSources"/>), the notice's version and hash as shown, and from the portal the IP address
/// and browser, which are the owner's personal data.
/// </summary>
[EventType("consent.v1.granted")]
public sealed record ConsentGranted(
    [property: DataSubject] Guid OwnerId, [property: DataController] Guid ClinicId, string Purpose, string Channel, string Source,
    int? NoticeVersion, string? NoticeHash, [property: PersonalData] string? IpAddress, [property: PersonalData] string? UserAgent,
    string? MessageId, [property: PersonalData] string? Note, string By, DateTimeOffset At) : IConsentChoice;

/// <summary>An owner withdrew consent for one purpose on one channel, with the same evidence as a grant.</summary>
[EventType("consent.v1.withdrawn")]
public sealed record ConsentWithdrawn(
    [property: DataSubject] Guid OwnerId, [property: DataController] Guid ClinicId, string Purpose, string Channel, string Source,
    int? NoticeVersion, string? NoticeHash, [property: PersonalData] string? IpAddress, [property: PersonalData] string? UserAgent,
    string? MessageId, [property: PersonalData] string? Note, string By, DateTimeOffset At) : IConsentChoice;

/// <summary>Through what an owner's choice reached VetOS.</summary>
public static class ConsentSources
{
    /// <summary>The owner, signed in to the portal.</summary>
    public const string Portal = "portal";

    /// <summary>A member of staff, on the owner's word (in person, by phone); the note says how.</summary>
    public const string Staff = "staff";

    /// <summary>A message the owner sent, such as an SMS reply of STOP; the message id is the evidence.</summary>
    public const string InboundMessage = "inbound-message";

    public static readonly IReadOnlyList<string> All = [Portal, Staff, InboundMessage];
}
