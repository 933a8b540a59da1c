using VetOS.Application.Common;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Bookings;

/// <summary>The one way a booking command runs: load the appointment, let the rules decide, save what they decided.</summary>
public sealed class BookingCommandRunner(IAppointments appointments, IClinicRulesSource clinics, ICurrentActor current, TimeProvider clock)
{
    public Actor Actor => current.Actor ?? throw new NotAuthenticatedException();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Changes an existing appointment; <paramref name="expectedRevision"/> (from If-Match) must still be current.</summary>
    public async Task<BookingResult> ChangeAsync(
        Guid booking, long? expectedRevision, Func<BookingId, Actor, DateTimeOffset, BookingCommand> command, CancellationToken cancellationToken)
    {
        var id = new BookingId(booking);
        var (state, revision) = await appointments.LoadAsync(id, cancellationToken);
        if (!state.Exists)
            return BookingResult.Refused(booking, BookingErrors.NotFound);
        if (expectedRevision is { } expected && expected != revision)
            throw new WrongExpectedRevisionException(StreamName.For("booking", booking.ToString("N")), ExpectedRevision.Exact(expected), revision);
        var rules = await clinics.FindAsync(state.Clinic, cancellationToken)
            ?? throw new InvalidOperationException($"Clinic {state.Clinic} of appointment {booking} has no rules.");
        return await DecideAndSaveAsync(state, revision, command(id, Actor, Now), rules, cancellationToken);
    }

    public async Task<BookingResult> DecideAndSaveAsync(
        Appointment state, long revision, BookingCommand command, ClinicRules rules, CancellationToken cancellationToken)
    {
        var decision = Booking.Decide(state, command, rules);
        if (decision.Error is { } error)
            return BookingResult.Refused(command.Booking.Value, error);
        var metadata = new EventMetadata(Guid.NewGuid(), null, command.By.Tag, command.Now);
        var saved = await appointments.SaveAsync(command.Booking, revision, decision.Events, metadata, cancellationToken);
        var after = decision.Events.Aggregate(state, (s, e) => s.Apply(e));
        return new BookingResult(command.Booking.Value, saved, after.Status, null);
    }
}
