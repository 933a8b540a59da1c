using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Clinics;

/// <summary>Replaces the clinic's weekly opening hours, in its local time.</summary>
public sealed record SetOpeningHoursCommand(Guid Clinic, IReadOnlyList<OpeningPeriodInput> Hours) : ICommand<bool>, IClinicAdminRequest;

public sealed record OpeningPeriodInput(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed class SetOpeningHoursValidator : AbstractValidator<SetOpeningHoursCommand>
{
    public SetOpeningHoursValidator()
    {
        RuleFor(c => c.Hours).NotNull();
        RuleForEach(c => c.Hours).ChildRules(period =>
        {
            period.RuleFor(p => p.Day).IsInEnum();
            period.RuleFor(p => p.Closes).GreaterThan(p => p.Opens).WithMessage("A period closes after it opens.");
        });
        RuleFor(c => c.Hours)
            .Must(hours => !hours.GroupBy(h => h.Day).Any(day => day.OrderBy(h => h.Opens).Zip(day.OrderBy(h => h.Opens).Skip(1)).Any(p => p.Second.Opens < p.First.Closes)))
            .When(c => c.Hours is not null)
            .WithMessage("Periods of one day must not overlap.");
    }
}

public sealed class SetOpeningHoursHandler(IClinicSetup setup) : ICommandHandler<SetOpeningHoursCommand, bool>
{
    public async ValueTask<bool> Handle(SetOpeningHoursCommand command, CancellationToken cancellationToken) =>
        await setup.SetOpeningHoursAsync(new ClinicId(command.Clinic),
            command.Hours.Select(h => new OpeningPeriod(h.Day, h.Opens, h.Closes)).ToList(), cancellationToken);
}
