using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.Owners;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// A clinic's staff answer a correction request by correcting the owner's contact details: the owner's history records
/// who changed them, and the request is completed with a step saying who and why.
/// </summary>
public sealed record CorrectContactDetailsForRequestCommand(
    Guid Clinic, Guid Request, string Name, string Phone, string PreferredChannel, [property: MultiLine] string Why,
    long? ExpectedRevision = null, string? PhoneCountry = null)
    : ICommand<PrivacyRequestResult>, IStaffRequest, IContactDetailsInput;

public sealed class CorrectContactDetailsForRequestValidator : AbstractValidator<CorrectContactDetailsForRequestCommand>
{
    public CorrectContactDetailsForRequestValidator()
    {
        Include(new ContactDetailsRules());
        RuleFor(c => c.Why).NotEmpty().MaximumLength(1000).WithMessage("Say why the details are corrected.");
    }
}

public sealed class CorrectContactDetailsForRequestHandler(
    IPrivacyRequests requests, PrivacyRequestRunner runner, OwnerCommandRunner owners, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<CorrectContactDetailsForRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(CorrectContactDetailsForRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(command.Request, cancellationToken);
        if (request is null || request.Clinic.Value != command.Clinic)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
        var why = command.Why.Trim();
        // The request's rules first, so that a refused request changes nothing in the owner's record.
        if (command.ExpectedRevision is { } expected && expected != request.Revision)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.Stale);
        if (request.CompleteCorrection(why, current.Actor!, clock.GetUtcNow()).Error is { } refused)
            return PrivacyRequestResult.Refused(refused);
        var corrected = await owners.ChangeAsync(request.Owner, null, null, state => state.ContactRevision,
            (by, now, clinics) => new ChangeContactDetails(by, now, clinics, command.ToDetails(), why), cancellationToken);
        if (corrected.Error is { } error)
            return PrivacyRequestResult.Refused(new PrivacyRequestError(error.Code, error.Message));
        return await runner.ChangeAsync(command.Clinic, request.Id, request.Revision, (next, by, now) => next.CompleteCorrection(why, by, now), cancellationToken);
    }
}
