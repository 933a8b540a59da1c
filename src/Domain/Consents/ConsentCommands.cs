namespace VetOS.Domain.Consents;

/// <summary>How a choice reached VetOS, as the owner's consent history will show it.</summary>
public sealed record ConsentEvidence(string Source, string? IpAddress = null, string? UserAgent = null, string? MessageId = null, string? Note = null);

/// <summary>
/// Agree to, or withdraw from, one purpose on one channel. <see cref="NoticeVersion"/> is the version whose wording
/// was shown; <see cref="By"/> is null only for an inbound message, which speaks for its sender.
/// </summary>
public sealed record ChooseConsent(
    OwnerId Owner, ClinicId Clinic, string Purpose, string Channel, bool Granted, int? NoticeVersion, ConsentEvidence Evidence, Actor? By, DateTimeOffset Now);

public sealed record ConsentDecision(IReadOnlyList<object> Events, ConsentError? Error) : Decision<ConsentError>(Events, Error)
{
    public static ConsentDecision Accept(params IConsentEvent[] events) => new(events, null);

    public static implicit operator ConsentDecision(ConsentError error) => new([], error);
}
