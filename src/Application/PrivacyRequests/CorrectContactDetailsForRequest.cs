using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>A clinic's staff answer a correction request by correcting the owner's contact details, saying why.</summary>
public sealed record CorrectContactDetailsForRequestCommand(
    Guid Clinic, Guid Request, string Name, string Phone, string PreferredChannel, [property: MultiLine] string Why,
    long? ExpectedRevision = null, string? PhoneCountry = null)
    : ICommand<PrivacyRequestResult>, IStaffRequest, IContactCorrection;

public sealed class CorrectContactDetailsForRequestValidator : AbstractValidator<CorrectContactDetailsForRequestCommand>
{
    public CorrectContactDetailsForRequestValidator() => Include(new ContactCorrectionRules());
}

public sealed class CorrectContactDetailsForRequestHandler(IPrivacyRequests requests, ContactCorrection correction)
    : ICommandHandler<CorrectContactDetailsForRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(CorrectContactDetailsForRequestCommand command, CancellationToken cancellationToken) =>
        await requests.FindAsync(command.Request, cancellationToken) is { } request && request.Clinic.Value == command.Clinic
            ? await correction.AnswerAsync(request, command, command.ExpectedRevision, cancellationToken)
            : PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
}
