using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>A clinic's staff correct a client's contact details; the history names who did.</summary>
public sealed record CorrectContactDetailsCommand(Guid Clinic, Guid Owner, string Name, string Phone, string PreferredChannel, long? ExpectedRevision = null, string? PhoneCountry = null,
    [property: MultiLine] string? Why = null)
    : ICommand<OwnerResult>, IStaffRequest, IContactDetailsInput;

public sealed class CorrectContactDetailsValidator : AbstractValidator<CorrectContactDetailsCommand>
{
    public CorrectContactDetailsValidator()
    {
        Include(new ContactDetailsRules());
        RuleFor(c => c.Why).MaximumLength(1000);
    }
}

public sealed class CorrectContactDetailsHandler(OwnerCommandRunner runner) : ICommandHandler<CorrectContactDetailsCommand, OwnerResult>
{
    public async ValueTask<OwnerResult> Handle(CorrectContactDetailsCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(new OwnerId(command.Owner), null, command.ExpectedRevision, state => state.ContactRevision,
            (by, now, clinics) => new ChangeContactDetails(by, now, clinics, command.ToDetails(), command.Why), cancellationToken);
}
