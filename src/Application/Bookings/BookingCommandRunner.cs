using VetOS.Application.Commands;
using VetOS.Application.Common;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Bookings;

/// <summary>Booking's decide on the command service: the appointment's stream, the clinic's rules, and the result the API shows.</summary>
public sealed class BookingCommandRunner(IAppointments appointments, IClinicRulesSource clinics, ICurrentActor current, TimeProvider clock)
{
    // No retry: the caller's If-Match revision is the point, and a move or a cancellation decided on an appointment that
    // changed meanwhile (confirmed, moved, cancelled) must be refused (412), not decided again blindly.
    private static readonly Retries Policy = Retries.None;

    private readonly AppointmentStream stream = new(appointments);

    public Actor Actor => current.Actor ?? throw new NotAuthenticatedException();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Changes an existing appointment; <paramref name="expectedRevision"/> (from If-Match) must still be current.</summary>
    public async Task<BookingResult> ChangeAsync(
        Guid booking, long? expectedRevision, Func<BookingId, Actor, DateTimeOffset, BookingCommand> command, CancellationToken cancellationToken)
    {
        var id = new BookingId(booking);
        var handled = await CommandService.HandleAsync(stream, id, Policy, async (state, revision, ct) =>
        {
            if (!state.Exists)
                return new Decided<BookingError>((Decision)BookingErrors.NotFound, "", default);
            if (expectedRevision is { } expected && expected != revision)
                throw new WrongExpectedRevisionException(Streams.Booking(id), ExpectedRevision.Exact(expected), revision);
            var rules = await clinics.FindAsync(state.Clinic, ct)
                ?? throw new InvalidOperationException($"Clinic {state.Clinic} of appointment {booking} has no rules.");
            return Decide(state, command(id, Actor, Now), rules);
        }, cancellationToken);
        return ResultOf(id, handled);
    }

    /// <summary>Decides on an appointment already read at <paramref name="revision"/>: a new one, or one a reminder's reply cancels.</summary>
    public async Task<BookingResult> DecideAndSaveAsync(
        Appointment state, long revision, BookingCommand command, ClinicRules rules, CancellationToken cancellationToken) =>
        ResultOf(command.Booking, await CommandService.DecideAndAppendAsync(
            stream, command.Booking, state, revision, (s, _, _) => Task.FromResult(Decide(s, command, rules)), cancellationToken));

    private static Decided<BookingError> Decide(Appointment state, BookingCommand command, ClinicRules rules) =>
        new(Booking.Decide(state, command, rules), command.By.Tag, command.Now);

    private static BookingResult ResultOf(BookingId id, Handled<Appointment, BookingError> handled) =>
        handled.Error is { } error ? BookingResult.Refused(id.Value, error) : new BookingResult(id.Value, handled.Revision, handled.State.Status, null);

    private sealed class AppointmentStream(IAppointments appointments) : IAggregateStream<BookingId, Appointment>
    {
        public Task<(Appointment State, long Revision)> LoadAsync(BookingId id, CancellationToken cancellationToken) =>
            appointments.LoadAsync(id, cancellationToken);

        public Appointment Evolve(Appointment state, object @event) => state.Apply((IBookingEvent)@event);

        public Task<long> AppendAsync(BookingId id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
            appointments.SaveAsync(id, expectedRevision, events, metadata, cancellationToken);
    }
}
