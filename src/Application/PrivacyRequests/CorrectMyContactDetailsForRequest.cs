using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>An owner answers their own correction request by correcting their contact details themselves, saying why.</summary>
public sealed record CorrectMyContactDetailsForRequestCommand(
    Guid Request, string Name, string Phone, string PreferredChannel, [property: MultiLine] string Why, string? PhoneCountry = null)
    : ICommand<PrivacyRequestResult>, IAuthenticatedRequest, IContactCorrection;

public sealed class CorrectMyContactDetailsForRequestValidator : AbstractValidator<CorrectMyContactDetailsForRequestCommand>
{
    public CorrectMyContactDetailsForRequestValidator() => Include(new ContactCorrectionRules());
}

public sealed class CorrectMyContactDetailsForRequestHandler(IPrivacyRequests requests, ContactCorrection correction, ICurrentActor current)
    : ICommandHandler<CorrectMyContactDetailsForRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(CorrectMyContactDetailsForRequestCommand command, CancellationToken cancellationToken) =>
        await requests.FindAsync(command.Request, cancellationToken) is { } request && request.Owner == current.SignedInOwner()
            ? await correction.AnswerAsync(request, command, null, cancellationToken)
            : PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
}
