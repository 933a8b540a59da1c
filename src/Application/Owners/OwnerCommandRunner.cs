using VetOS.Application.Common;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>The one way an owner command runs: load the record, let the rules decide, save; on a race, again from the new record.</summary>
public sealed class OwnerCommandRunner(IOwnerRecords records, ICurrentActor current, TimeProvider clock)
{
    private const int Attempts = 10;

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
        for (var attempt = 1; ; attempt++)
        {
            var file = await records.LoadAsync(owner, cancellationToken);
            if (expectedRevision is { } expected && revisionOf(file.State) is { } revision && revision != expected && MayRead(actor, file))
                return OwnerResult.Refused(OwnerResult.Stale);
            var now = clock.GetUtcNow();
            var decision = Owner.Decide(file.State, command(actor, now, file.Clinics));
            if (decision.Error is { } error)
                return OwnerResult.Refused(error);
            if (decision.Events.Count == 0)
                return new OwnerResult(pet, revisionOf(file.State) ?? -1, null);
            try
            {
                await records.SaveAsync(owner, file.Revision, decision.Events, new EventMetadata(Guid.NewGuid(), null, actor.Tag, now), cancellationToken);
            }
            catch (WrongExpectedRevisionException) when (attempt < Attempts)
            {
                continue;
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
            var after = decision.Events.Aggregate(file.State, (state, e) => state.Apply(e));
            return new OwnerResult(pet, revisionOf(after) ?? -1, null);
        }
    }

    /// <summary>A stale If-Match must not tell a stranger that the record exists; the rules answer them instead.</summary>
    private static bool MayRead(Actor actor, OwnerFile file) =>
        (actor.Role == ActorRole.Owner && actor.Id == file.Owner.Value) || file.Clinics.Any(actor.IsStaffOf);
}
