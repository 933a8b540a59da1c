using VetOS.Application.Commands;
using VetOS.Application.Common;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>The owners' decide on the command service: the owner's record, and the result the API shows.</summary>
public sealed class OwnerCommandRunner(IOwnerRecords records, ICurrentActor current, TimeProvider clock)
{
    // Without If-Match, a change that lost a race (the owner and the clinic editing different pets, say) is decided again
    // on the new record, so both apply, in order; with If-Match, the check in the decide refuses it as stale instead.
    private static readonly Retries Policy = Retries.UpTo(10);

    private readonly OwnerStream stream = new(records);

    /// <summary>
    /// Changes the part of the record <paramref name="revisionOf"/> picks (the contact details, or the <paramref name="pet"/>). With <paramref name="expectedRevision"/> (If-Match)
    /// that part must not have changed since; without, a change that lost a race to another is decided again on the new record,
    /// so both apply, in order, and neither is lost.
    /// </summary>
    public async Task<OwnerResult> ChangeAsync(
        OwnerId owner, Guid? pet, long? expectedRevision, Func<OwnerRecord, long?> revisionOf,
        Func<Actor, DateTimeOffset, IReadOnlyCollection<ClinicId>, OwnerCommand> command, CancellationToken cancellationToken)
    {
        var actor = current.Actor ?? throw new NotAuthenticatedException();
        try
        {
            var handled = await CommandService.HandleAsync(stream, owner, Policy, (onFile, _, _) =>
            {
                var now = clock.GetUtcNow();
                if (expectedRevision is { } expected && revisionOf(onFile.Record) is { } revision && revision != expected && MayRead(actor, onFile.File))
                    return Task.FromResult(new Decided<OwnerError>((OwnerDecision)OwnerResult.Stale, actor.Tag, now));
                return Task.FromResult(new Decided<OwnerError>(Owner.Decide(onFile.Record, command(actor, now, onFile.File.Clinics)), actor.Tag, now));
            }, cancellationToken);
            return handled.Error is { } error ? OwnerResult.Refused(error) : new OwnerResult(pet, revisionOf(handled.State.Record) ?? -1, null);
        }
        catch (WrongExpectedRevisionException)
        {
            return OwnerResult.Refused(OwnerResult.Stale);
        }
        catch (DuplicatePetException)
        {
            return OwnerResult.Refused(OwnerErrors.PetAlreadyExists);
        }
        catch (SubjectErasedException)
        {
            return OwnerResult.Refused(OwnerErrors.NotYours); // an erased owner is gone
        }
    }

    /// <summary>A stale If-Match must not tell a stranger that the record exists; the rules answer them instead.</summary>
    private static bool MayRead(Actor actor, OwnerFile file) =>
        (actor.Role == ActorRole.Owner && actor.Id == file.Owner.Value) || file.Clinics.Any(actor.IsStaffOf);

    /// <summary>The record as the rules read it, and the file it was read from (whose owner, which clinics).</summary>
    private sealed record OnFile(OwnerRecord Record, OwnerFile File);

    private sealed class OwnerStream(IOwnerRecords records) : IAggregateStream<OwnerId, OnFile>
    {
        public async Task<(OnFile State, long Revision)> LoadAsync(OwnerId id, CancellationToken cancellationToken)
        {
            var file = await records.LoadAsync(id, cancellationToken);
            return (new OnFile(file.State, file), file.Revision);
        }

        public OnFile Evolve(OnFile state, object @event) => state with { Record = state.Record.Apply((IOwnerEvent)@event) };

        public Task<long> AppendAsync(OwnerId id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
            records.SaveAsync(id, expectedRevision, events, metadata, cancellationToken);
    }
}
