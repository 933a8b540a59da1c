using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using Rules = VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

public sealed record CancelAppointmentCommand(Guid Booking, [property: MultiLine] string? Reason = null, long? ExpectedRevision = null)
    : ICommand<BookingResult>, IAuthenticatedRequest;

public sealed class CancelAppointmentValidator : AbstractValidator<CancelAppointmentCommand>
{
    public CancelAppointmentValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

public sealed class CancelAppointmentHandler(BookingCommandRunner runner) : ICommandHandler<CancelAppointmentCommand, BookingResult>
{
    public async ValueTask<BookingResult> Handle(CancelAppointmentCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(command.Booking, command.ExpectedRevision,
            (id, by, now) => new Rules.CancelAppointment(id, by, now, command.Reason ?? ""), cancellationToken);
}
