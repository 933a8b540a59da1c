namespace VetOS.Domain.PrivacyRequests;

/// <summary>A rule about a privacy request that was broken: a stable code the API names, and a sentence for people.</summary>
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
