using FluentValidation;
using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// Staff log a request a client made by email, phone, post or in person, noting how they verified the person (or
/// nothing yet); the deadline runs from when it was received, which may be earlier than now.
/// </summary>
public sealed record LogPrivacyRequestCommand(
    Guid Clinic, Guid Owner, PrivacyRequestKind Kind, string ReceivedVia, [property: MultiLine] string? Verification, [property: MultiLine] string? Details, DateTimeOffset? ReceivedAt)
    : ICommand<PrivacyRequestResult>, IStaffRequest;

public sealed class LogPrivacyRequestValidator : AbstractValidator<LogPrivacyRequestCommand>
{
    public LogPrivacyRequestValidator(TimeProvider clock)
    {
        RuleFor(c => c.Owner).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.ReceivedVia).Must(v => RequestChannels.Staff.Contains(v))
            .WithMessage($"Say how it was received: one of {string.Join(", ", RequestChannels.Staff)}.");
        RuleFor(c => c.Verification).MaximumLength(500);
        RuleFor(c => c.Details).MaximumLength(2000);
        RuleFor(c => c.ReceivedAt).LessThanOrEqualTo(_ => clock.GetUtcNow().AddMinutes(5)).WithMessage("A request cannot be received in the future.")
            .GreaterThan(_ => clock.GetUtcNow().AddMonths(-3)).WithMessage("Log a request within three months of receiving it.");
    }
}

public sealed class LogPrivacyRequestHandler(PrivacyRequestRunner runner, IClinicClients clients, IClinicRegistry clinics)
    : ICommandHandler<LogPrivacyRequestCommand, PrivacyRequestResult>
{
    public async ValueTask<PrivacyRequestResult> Handle(LogPrivacyRequestCommand command, CancellationToken cancellationToken)
    {
        if (!(await clients.ClinicsOfAsync(command.Owner, cancellationToken)).Any(c => c.Clinic == command.Clinic)
            || await clinics.CalendarOfAsync(command.Clinic, cancellationToken) is not { } calendar)
            return PrivacyRequestResult.Refused(PrivacyRequestErrors.NotFound);
        var id = Guid.CreateVersion7();
        return await runner.OpenAsync(id, (by, now) => PrivacyRequest.LogByStaff(id, new ClinicId(command.Clinic), new OwnerId(command.Owner),
            command.Kind, command.ReceivedVia, command.Verification?.Trim() ?? "", command.Details?.Trim() ?? "", command.ReceivedAt ?? now, calendar, by, now),
            cancellationToken);
    }
}
