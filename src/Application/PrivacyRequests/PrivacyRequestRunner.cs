using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// Moves one of a clinic's requests on: finds it (another clinic's request is not found), applies the rule, and saves it
/// with its step unless it changed meanwhile (a stale change is refused, so two handlers never both close it).
/// </summary>
public sealed class PrivacyRequestRunner(IPrivacyRequests requests, ICurrentActor current, TimeProvider clock)
{
    public async Task<PrivacyRequestResult> ChangeAsync(
        Guid clinic, Guid id, long? expectedRevision, Func<PrivacyRequest, Actor, DateTimeOffset, PrivacyRequestChange> change,
        CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(id, cancellationToken);
        if (request is null || request.Clinic.Value != clinic)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
        return await ChangeAsync(request, expectedRevision, change, cancellationToken);
    }

    public async Task<PrivacyRequestResult> ChangeAsync(
        PrivacyRequest request, long? expectedRevision, Func<PrivacyRequest, Actor, DateTimeOffset, PrivacyRequestChange> change,
        CancellationToken cancellationToken)
    {
        if (expectedRevision is { } expected && expected != request.Revision)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.Stale);
        var now = clock.GetUtcNow();
        var (next, step, error) = change(request, current.Actor!, now);
        if (error is not null)
            return PrivacyRequestResult.Refused(error);
        if (!await requests.SaveAsync(next!, step!, request.Revision, cancellationToken))
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.Stale);
        return new(PrivacyRequestView.Of(next!, now), null);
    }
}
