using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using Rules = VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

public sealed record RescheduleAppointmentCommand(Guid Booking, Guid Resource, DateTimeOffset Start, long? ExpectedRevision = null)
    : ICommand<BookingResult>, IAuthenticatedRequest;

public sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointmentCommand>
{
    public RescheduleAppointmentValidator()
    {
        RuleFor(c => c.Resource).NotEmpty();
        RuleFor(c => c.Start).NotEqual(default(DateTimeOffset)).WithMessage("'Start' must be an instant, e.g. 2026-11-24T10:00:00Z.");
    }
}

public sealed class RescheduleAppointmentHandler(BookingCommandRunner runner) : ICommandHandler<RescheduleAppointmentCommand, BookingResult>
{
    public async ValueTask<BookingResult> Handle(RescheduleAppointmentCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(command.Booking, command.ExpectedRevision,
            (id, by, now) => new Rules.RescheduleAppointment(id, by, now, new ResourceId(command.Resource), command.Start), cancellationToken);
}
