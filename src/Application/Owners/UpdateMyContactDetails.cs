using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain.Owners;

namespace VetOS.Application.Owners;

/// <summary>The owner changes their name, phone number and preferred channel. Their email address is how they sign in, and changes elsewhere.</summary>
public sealed record UpdateMyContactDetailsCommand(string Name, string Phone, string PreferredChannel, long? ExpectedRevision = null, string? PhoneCountry = null,
    [property: MultiLine] string? Why = null)
    : ICommand<OwnerResult>, IAuthenticatedRequest, IContactDetailsInput;

public sealed class UpdateMyContactDetailsValidator : AbstractValidator<UpdateMyContactDetailsCommand>
{
    public UpdateMyContactDetailsValidator()
    {
        Include(new ContactDetailsRules());
        RuleFor(c => c.Why).MaximumLength(1000);
    }
}

public sealed class UpdateMyContactDetailsHandler(OwnerCommandRunner runner, ICurrentActor current)
    : ICommandHandler<UpdateMyContactDetailsCommand, OwnerResult>
{
    public async ValueTask<OwnerResult> Handle(UpdateMyContactDetailsCommand command, CancellationToken cancellationToken) =>
        await runner.ChangeAsync(current.SignedInOwner(), null, command.ExpectedRevision, state => state.ContactRevision,
            (by, now, clinics) => new ChangeContactDetails(by, now, clinics, command.ToDetails(), command.Why), cancellationToken);
}
