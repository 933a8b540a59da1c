using FluentValidation;
using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Common;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// "Verify erasure": a clinic admin scans the whole database, and every event as the store returns it, for the details
/// an erased owner had, their pets' names among them (which staff know from the request, since VetOS no longer does). The report, naming places and
/// kinds of detail but never the details, is stored with the request.
/// </summary>
public sealed record VerifyErasureCommand(Guid Clinic, Guid Request, string? Name, string? Email, string? Phone, IReadOnlyList<string>? PetNames = null)
    : ICommand<VerifyErasureResult>, IClinicAdminRequest;

public sealed record VerifyErasureResult(ErasureScanReport? Scan, PrivacyRequestError? Error);

public sealed class VerifyErasureValidator : AbstractValidator<VerifyErasureCommand>
{
    public const int MostPets = 20;

    public VerifyErasureValidator()
    {
        RuleFor(c => c.Name).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.Email) && string.IsNullOrWhiteSpace(c.Phone) && c.PetNames is not { Count: > 0 })
            .WithMessage("Give the name, email address, phone number or pets' names to look for.");
        RuleFor(c => c.Name).MaximumLength(200);
        RuleFor(c => c.Email).MaximumLength(254);
        RuleFor(c => c.Phone).MaximumLength(40);
        RuleFor(c => c.PetNames).Must(p => p is null || p.Count <= MostPets).WithMessage($"Give at most {MostPets} pets' names.");
        RuleForEach(c => c.PetNames).NotEmpty().MaximumLength(100);
    }
}

public sealed class VerifyErasureHandler(
    IPrivacyRequests requests, IErasureScan scan, IErasureRecords records, IClinicClients clients, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<VerifyErasureCommand, VerifyErasureResult>
{
    public async ValueTask<VerifyErasureResult> Handle(VerifyErasureCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(command.Request, cancellationToken);
        if (request is null || request.Clinic.Value != command.Clinic)
            return new(null, PrivacyRequestErrors.NotFound);
        if (request.Kind != PrivacyRequestKind.Erasure)
            return new(null, PrivacyRequestErrors.WrongKind);
        var elsewhere = (await clients.ClinicsOfAsync(request.Owner.Value, cancellationToken)).Any(c => c.Clinic != command.Clinic);
        var scope = new ErasureScope(command.Clinic, request.Owner.Value, AccountKept: elsewhere);
        var report = await scan.ScanAsync(SearchTerms.Of(command.Name, command.Email, command.Phone, command.PetNames), scope, cancellationToken);
        await records.SaveReportAsync(request.Id, current.Actor!.Tag, clock.GetUtcNow(), new { kind = "verify", scan = report }, cancellationToken);
        return new(report, null);
    }
}
