using VetOS.Application.Commands;
using VetOS.Application.Common;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>The requests' decide on the command service: a clinic's request (another clinic's is not found), and the view the API shows.</summary>
public sealed class PrivacyRequestRunner(IPrivacyRequests requests, ICurrentActor current, TimeProvider clock)
{
    // As for owners: without If-Match, a change that lost a race is decided again on the request as it is now, so the rules
    // still hold (two handlers never both close it: the second finds it closed); with If-Match, it is refused as stale.
    private static readonly Retries Policy = Retries.UpTo(10);

    private readonly RequestStream stream = new(requests);

    /// <summary>Files or logs a new request, as <paramref name="decide"/> says.</summary>
    public Task<PrivacyRequestResult> OpenAsync(Guid id, Func<Actor, DateTimeOffset, PrivacyRequestDecision> decide, CancellationToken cancellationToken) =>
        RunAsync(id, (_, actor, now) => decide(actor, now), cancellationToken);

    /// <summary>
    /// Moves the clinic's request on. With <paramref name="expectedRevision"/> (If-Match) it must not have changed since it was read.
    /// </summary>
    public Task<PrivacyRequestResult> ChangeAsync(
        Guid clinic, Guid id, long? expectedRevision, Func<PrivacyRequest, Actor, DateTimeOffset, PrivacyRequestDecision> decide,
        CancellationToken cancellationToken) =>
        RunAsync(id, (request, actor, now) =>
            !request.Exists || request.Clinic.Value != clinic ? PrivacyRequestErrors.NotFound
            : expectedRevision is { } expected && expected != request.Revision ? PrivacyRequestErrors.Stale
            : decide(request, actor, now), cancellationToken);

    private async Task<PrivacyRequestResult> RunAsync(
        Guid id, Func<PrivacyRequest, Actor, DateTimeOffset, PrivacyRequestDecision> decide, CancellationToken cancellationToken)
    {
        var actor = current.Actor ?? throw new NotAuthenticatedException();
        try
        {
            var handled = await CommandService.HandleAsync(stream, id, Policy, (request, _, _) =>
            {
                var now = clock.GetUtcNow();
                return Task.FromResult(new Decided<PrivacyRequestError>(decide(request, actor, now), actor.Tag, now));
            }, cancellationToken);
            return handled.Error is { } error ? PrivacyRequestResult.Refused(error) : new(PrivacyRequestView.Of(handled.State, handled.At), null);
        }
        catch (WrongExpectedRevisionException)
        {
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.Stale);
        }
        catch (SubjectErasedException)
        {
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound); // the owner was erased at the clinic: their requests are closed records
        }
    }

    private sealed class RequestStream(IPrivacyRequests requests) : IAggregateStream<Guid, PrivacyRequest>
    {
        public Task<(PrivacyRequest State, long Revision)> LoadAsync(Guid id, CancellationToken cancellationToken) => requests.LoadAsync(id, cancellationToken);

        public PrivacyRequest Evolve(PrivacyRequest state, object @event) => state.Apply((IPrivacyRequestEvent)@event);

        public Task<long> AppendAsync(Guid id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
            requests.AppendAsync(id, expectedRevision, events, metadata, cancellationToken);
    }
}
