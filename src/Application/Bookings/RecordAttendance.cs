using Mediator;
using VetOS.Application.Common;
using Rules = VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

/// <summary>Staff mark how an appointment ended: the pet came, or nobody did.</summary>
public sealed record RecordAttendanceCommand(Guid Booking, bool Attended, long? ExpectedRevision = null)
    : ICommand<BookingResult>, IAuthenticatedRequest;

public sealed class RecordAttendanceHandler(BookingCommandRunner runner) : ICommandHandler<RecordAttendanceCommand, BookingResult>
{
    public async ValueTask<BookingResult> Handle(RecordAttendanceCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(command.Booking, command.ExpectedRevision,
            (id, by, now) => command.Attended ? new Rules.MarkAttended(id, by, now) : new Rules.MarkNoShow(id, by, now),
            cancellationToken);
}
