using FluentValidation;
using Mediator;
using VetOS.Application.Accounts;
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

public sealed class FileMyPrivacyRequestHandler(IPrivacyRequests requests, IClinicClients clients, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<FileMyPrivacyRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(FileMyPrivacyRequestCommand command, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner();
        if (!(await clients.ClinicsOfAsync(owner.Value, cancellationToken)).Any(c => c.Clinic == command.Clinic))
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
        var now = clock.GetUtcNow();
        var (request, step) = PrivacyRequest.FiledByOwner(Guid.CreateVersion7(), new ClinicId(command.Clinic), owner, command.Kind,
            command.Details?.Trim() ?? "", now);
        await requests.AddAsync(request, step, cancellationToken);
        return new(PrivacyRequestView.Of(request, now), null);
    }
}
