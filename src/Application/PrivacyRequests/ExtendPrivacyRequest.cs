using FluentValidation;
using Mediator;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;
using VetOS.Application.Owners;
using VetOS.Domain;

namespace VetOS.Application.PrivacyRequests;

/// <summary>A clinic admin extends the deadline by one or two months, with the reason; the owner is told by email.</summary>
public sealed record ExtendPrivacyRequestCommand(Guid Clinic, Guid Request, int Months, [property: MultiLine] string Reason, long? ExpectedRevision = null)
    : ICommand<PrivacyRequestResult>, IClinicAdminRequest;

public sealed class ExtendPrivacyRequestValidator : AbstractValidator<ExtendPrivacyRequestCommand>
{
    public ExtendPrivacyRequestValidator()
    {
        RuleFor(c => c.Months).InclusiveBetween(1, Domain.PrivacyRequests.PrivacyRequest.MostExtraMonths);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000).WithMessage("Give the reason for the extension; the owner is told it.");
    }
}

public sealed class ExtendPrivacyRequestHandler(PrivacyRequestRunner runner, IOwnerRecords owners, IClinicRegistry clinics, IEmailSender email)
    : ICommandHandler<ExtendPrivacyRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(ExtendPrivacyRequestCommand command, CancellationToken cancellationToken)
    {
        var result = await runner.ChangeAsync(command.Clinic, command.Request, command.ExpectedRevision,
            (request, by, now) => request.Extend(command.Months, command.Reason.Trim(), by, now), cancellationToken);
        if (result.Request is { } extended
            && (await owners.LoadAsync(new OwnerId(extended.OwnerId), cancellationToken)).Account?.Email is { } to
            && await clinics.FindAsync(command.Clinic, cancellationToken) is { } clinic)
            await email.SendAsync(PrivacyEmails.RequestExtended(to, clinic, extended) with { Clinic = command.Clinic, Account = extended.OwnerId },
                cancellationToken);
        return result;
    }
}
