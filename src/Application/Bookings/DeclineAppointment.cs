using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using Rules = VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

public sealed record DeclineAppointmentCommand(Guid Booking, [property: MultiLine] string Reason, long? ExpectedRevision = null)
    : ICommand<BookingResult>, IAuthenticatedRequest;

public sealed class DeclineAppointmentValidator : AbstractValidator<DeclineAppointmentCommand>
{
    public DeclineAppointmentValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

public sealed class DeclineAppointmentHandler(BookingCommandRunner runner) : ICommandHandler<DeclineAppointmentCommand, BookingResult>
{
    public async ValueTask<BookingResult> Handle(DeclineAppointmentCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(command.Booking, command.ExpectedRevision,
            (id, by, now) => new Rules.DeclineAppointment(id, by, now, command.Reason), cancellationToken);
}
