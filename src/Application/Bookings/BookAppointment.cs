using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Bookings;

namespace VetOS.Application.Bookings;

/// <summary>
/// An owner books (or requests) an appointment for one of their pets; staff book one for an owner by naming
/// them. <see cref="BookingId"/> lets a client retry safely.
/// </summary>
public sealed record BookAppointmentCommand(
    Guid Clinic, Guid Pet, Guid AppointmentType, Guid Resource, DateTimeOffset Start, Guid? Owner = null, Guid? BookingId = null)
    : ICommand<BookingResult>, IAuthenticatedRequest;

public sealed class BookAppointmentValidator : AbstractValidator<BookAppointmentCommand>
{
    public BookAppointmentValidator()
    {
        RuleFor(c => c.Clinic).NotEmpty();
        RuleFor(c => c.Pet).NotEmpty();
        RuleFor(c => c.AppointmentType).NotEmpty();
        RuleFor(c => c.Resource).NotEmpty();
        RuleFor(c => c.Start).NotEqual(default(DateTimeOffset)).WithMessage("'Start' must be an instant, e.g. 2026-11-24T10:00:00Z.");
        RuleFor(c => c.Owner).NotEqual(Guid.Empty);
        RuleFor(c => c.BookingId).NotEqual(Guid.Empty);
    }
}

public sealed class BookAppointmentHandler(
    BookingCommandRunner runner, IAppointments appointments, IClinicRulesSource clinics, IPetDirectory pets)
    : ICommandHandler<BookAppointmentCommand, BookingResult>
{
    public async ValueTask<BookingResult> Handle(BookAppointmentCommand command, CancellationToken cancellationToken)
    {
        var actor = runner.Actor;
        var id = new BookingId(command.BookingId ?? Guid.NewGuid());
        var clinic = new ClinicId(command.Clinic);
        var rules = await clinics.FindAsync(clinic, cancellationToken);
        if (rules is null)
            return BookingResult.Refused(id.Value, BookingErrors.NotFound);
        var owner = actor.IsStaff && command.Owner is { } named ? new OwnerId(named) : new OwnerId(actor.Id);
        var pet = await pets.FindPetAsync(new PetId(command.Pet), cancellationToken);
        if (pet is null)
            return BookingResult.Refused(id.Value, BookingErrors.NotOwnersPet);
        var isClient = await pets.IsClientAsync(owner, clinic, cancellationToken);
        // An id made here cannot exist yet; one the client chose (to retry safely) may.
        var (state, revision) = command.BookingId is null ? (Appointment.None, -1L) : await appointments.LoadAsync(id, cancellationToken);

        var request = new RequestAppointment(
            id, actor, runner.Now, owner, pet, isClient, new AppointmentTypeId(command.AppointmentType), new ResourceId(command.Resource), command.Start);
        return await runner.DecideAndSaveAsync(state, revision, request, rules, cancellationToken);
    }
}
