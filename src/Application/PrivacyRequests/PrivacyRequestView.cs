using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>A request as staff and its owner see it: ids only, its deadline and where it stands against it.</summary>
public sealed record PrivacyRequestView(
    Guid Id, Guid ClinicId, Guid OwnerId, PrivacyRequestKind Kind, PrivacyRequestStatus Status, string ReceivedVia, string Verification,
    string Details, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, int ExtendedByMonths, string? ExtensionReason, DeadlineFlag Deadline,
    Guid? Handler, string? Outcome, long Revision, IReadOnlyList<PrivacyRequestStep>? Steps = null)
{
    public static PrivacyRequestView Of(PrivacyRequest r, DateTimeOffset now, IReadOnlyList<PrivacyRequestStep>? steps = null) =>
        new(r.Id, r.Clinic.Value, r.Owner.Value, r.Kind, r.Status, r.ReceivedVia, r.Verification, r.Details, r.ReceivedAt, r.DueAt,
            r.ExtendedByMonths, r.ExtensionReason, r.FlagAt(now), r.Handler, r.Outcome, r.Revision, steps);
}

/// <summary>What a change to a request did: the request as it is now, or the rule it broke.</summary>
public sealed record PrivacyRequestResult(PrivacyRequestView? Request, PrivacyRequestError? Error)
{
    public static PrivacyRequestResult Refused(PrivacyRequestError error) => new(null, error);
}
