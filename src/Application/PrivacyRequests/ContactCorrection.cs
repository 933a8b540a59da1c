using FluentValidation;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain.Owners;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>New contact details that answer a correction request, and why they are corrected.</summary>
public interface IContactCorrection : IContactDetailsInput
{
    string Why { get; }
}

public sealed class ContactCorrectionRules : AbstractValidator<IContactCorrection>
{
    public ContactCorrectionRules()
    {
        Include(new ContactDetailsRules());
        RuleFor(c => c.Why).NotEmpty().MaximumLength(1000).WithMessage("Say why the details are corrected.");
    }
}

/// <summary>
/// Answers a correction request by correcting the owner's contact details: the owner's history records who changed them
/// and why, and the request is completed with a step saying the same.
/// </summary>
public sealed class ContactCorrection(PrivacyRequestRunner runner, OwnerCommandRunner owners, ICurrentActor current, TimeProvider clock)
{
    public async Task<PrivacyRequestResult> AnswerAsync(
        PrivacyRequest request, IContactCorrection correction, long? expectedRevision, CancellationToken cancellationToken)
    {
        var why = correction.Why.Trim();
        // The request's rules first, so that a refused request changes nothing in the owner's record.
        if (expectedRevision is { } expected && expected != request.Revision)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.Stale);
        if (request.CompleteCorrection(why, current.Actor!, clock.GetUtcNow()).Error is { } refused)
            return PrivacyRequestResult.Refused(refused);
        var corrected = await owners.ChangeAsync(request.Owner, null, null, state => state.ContactRevision,
            (by, now, clinics) => new ChangeContactDetails(by, now, clinics, correction.ToDetails(), why), cancellationToken);
        if (corrected.Error is { } error)
            return PrivacyRequestResult.Refused(new PrivacyRequestError(error.Code, error.Message));
        return await runner.ChangeAsync(request.Clinic.Value, request.Id, request.Revision, (next, by, now) => next.CompleteCorrection(why, by, now), cancellationToken);
    }
}
