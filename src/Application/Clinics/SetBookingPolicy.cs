using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Clinics;

public sealed record SetBookingPolicyCommand(Guid Clinic, int MinimumLeadMinutes, int BufferMinutes, int HorizonDays, int CancellationWindowHours)
    : ICommand<bool>, IClinicAdminRequest;

public sealed class SetBookingPolicyValidator : AbstractValidator<SetBookingPolicyCommand>
{
    public SetBookingPolicyValidator()
    {
        RuleFor(c => c.MinimumLeadMinutes).InclusiveBetween(0, 14 * 24 * 60);
        RuleFor(c => c.BufferMinutes).InclusiveBetween(0, 240);
        RuleFor(c => c.HorizonDays).InclusiveBetween(1, 730);
        RuleFor(c => c.CancellationWindowHours).InclusiveBetween(0, 14 * 24);
    }
}

public sealed class SetBookingPolicyHandler(IClinicSetup setup) : ICommandHandler<SetBookingPolicyCommand, bool>
{
    public async ValueTask<bool> Handle(SetBookingPolicyCommand command, CancellationToken cancellationToken) =>
        await setup.SetBookingPolicyAsync(new ClinicId(command.Clinic), new BookingPolicy(
            TimeSpan.FromMinutes(command.MinimumLeadMinutes), TimeSpan.FromMinutes(command.BufferMinutes),
            TimeSpan.FromDays(command.HorizonDays), TimeSpan.FromHours(command.CancellationWindowHours)), cancellationToken);
}
