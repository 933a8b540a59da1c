using Mediator;
using VetOS.Application.Common;
using Rules = VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

public sealed record ConfirmAppointmentCommand(Guid Booking, long? ExpectedRevision = null) : ICommand<BookingResult>, IAuthenticatedRequest;

public sealed class ConfirmAppointmentHandler(BookingCommandRunner runner) : ICommandHandler<ConfirmAppointmentCommand, BookingResult>
{
    public async ValueTask<BookingResult> Handle(ConfirmAppointmentCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(command.Booking, command.ExpectedRevision,
            (id, by, now) => new Rules.ConfirmAppointment(id, by, now), cancellationToken);
}
