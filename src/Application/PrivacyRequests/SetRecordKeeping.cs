using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Application.PersonalData;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// A clinic admin states the law the clinic keeps records under and, per category (appointments, consent, access-log),
/// how many years it must keep them and why: what an erasure then keeps, pseudonymised.
/// </summary>
public sealed record SetRecordKeepingCommand(Guid Clinic, string Jurisdiction, IReadOnlyList<LegalRetention> Retention)
    : ICommand<bool>, IClinicAdminRequest;

public sealed class SetRecordKeepingValidator : AbstractValidator<SetRecordKeepingCommand>
{
    public static readonly IReadOnlyList<string> Categories = ["appointments", "consent", "access-log"];

    public SetRecordKeepingValidator()
    {
        RuleFor(c => c.Jurisdiction).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Retention).NotNull();
        RuleForEach(c => c.Retention).ChildRules(r =>
        {
            r.RuleFor(x => x.Category).Must(c => Categories.Contains(c)).WithMessage($"Use one of: {string.Join(", ", Categories)}.");
            r.RuleFor(x => x.Years).InclusiveBetween(1, 100);
            r.RuleFor(x => x.Law).NotEmpty().MaximumLength(500);
        });
        RuleFor(c => c.Retention).Must(r => r.Select(x => x.Category).Distinct().Count() == r.Count)
            .When(c => c.Retention is not null).WithMessage("Name each category once.");
    }
}

public sealed class SetRecordKeepingHandler(IRecordKeeping recordKeeping) : ICommandHandler<SetRecordKeepingCommand, bool>
{
    public async ValueTask<bool> Handle(SetRecordKeepingCommand command, CancellationToken cancellationToken) =>
        await recordKeeping.SetAsync(command.Clinic, command.Jurisdiction.Trim(), command.Retention, cancellationToken);
}
