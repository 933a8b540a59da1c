using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain.Owners;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// An owner answers their own correction request by correcting their contact details themselves: their history records the
/// change and why, and the request is completed by them.
/// </summary>
public sealed record CorrectMyContactDetailsForRequestCommand(
    Guid Request, string Name, string Phone, string PreferredChannel, [property: MultiLine] string Why, string? PhoneCountry = null)
    : ICommand<PrivacyRequestResult>, IAuthenticatedRequest, IContactDetailsInput;

public sealed class CorrectMyContactDetailsForRequestValidator : AbstractValidator<CorrectMyContactDetailsForRequestCommand>
{
    public CorrectMyContactDetailsForRequestValidator()
    {
        Include(new ContactDetailsRules());
        RuleFor(c => c.Why).NotEmpty().MaximumLength(1000).WithMessage("Say why the details are corrected.");
    }
}

public sealed class CorrectMyContactDetailsForRequestHandler(
    IPrivacyRequests requests, PrivacyRequestRunner runner, OwnerCommandRunner owners, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<CorrectMyContactDetailsForRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(CorrectMyContactDetailsForRequestCommand command, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner();
        var request = await requests.FindAsync(command.Request, cancellationToken);
        if (request is null || request.Owner != owner)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
        var why = command.Why.Trim();
        // The request's rules first, so that a refused request changes nothing in the owner's record.
        if (request.CompleteCorrection(why, current.Actor!, clock.GetUtcNow()).Error is { } refused)
            return PrivacyRequestResult.Refused(refused);
        var corrected = await owners.ChangeAsync(owner, null, null, state => state.ContactRevision,
            (by, now, clinics) => new ChangeContactDetails(by, now, clinics, command.ToDetails(), why), cancellationToken);
        if (corrected.Error is { } error)
            return PrivacyRequestResult.Refused(new PrivacyRequestError(error.Code, error.Message));
        return await runner.ChangeAsync(request.Clinic.Value, request.Id, null, (next, by, now) => next.CompleteCorrection(why, by, now), cancellationToken);
    }
}
