using FluentValidation;
using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>A signed-in owner asks a clinic they are a client of to give access to, correct or erase their data.</summary>
public sealed record FileMyPrivacyRequestCommand(Guid Clinic, PrivacyRequestKind Kind, [property: MultiLine] string? Details) : ICommand<PrivacyRequestResult>, IAuthenticatedRequest;

public sealed class FileMyPrivacyRequestValidator : AbstractValidator<FileMyPrivacyRequestCommand>
{
    public FileMyPrivacyRequestValidator()
    {
        RuleFor(c => c.Clinic).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Details).MaximumLength(2000);
        RuleFor(c => c.Details).NotEmpty().When(c => c.Kind == PrivacyRequestKind.Correction)
            .WithMessage("Say what should be corrected.");
    }
}

public sealed class FileMyPrivacyRequestHandler(PrivacyRequestRunner runner, IClinicClients clients, IClinicRegistry clinics, ICurrentActor current)
    : ICommandHandler<FileMyPrivacyRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(FileMyPrivacyRequestCommand command, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner();
        if (!(await clients.ClinicsOfAsync(owner.Value, cancellationToken)).Any(c => c.Clinic == command.Clinic)
            || await clinics.CalendarOfAsync(command.Clinic, cancellationToken) is not { } calendar)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
        var id = Guid.CreateVersion7();
        return await runner.OpenAsync(id, (_, now) =>
            PrivacyRequest.FileByOwner(id, new ClinicId(command.Clinic), owner, command.Kind, command.Details?.Trim() ?? "", calendar, now),
            cancellationToken);
    }
}
