using FluentValidation;
using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Consents;

/// <summary>
/// The grants and withdrawals at the clinic in a period, oldest first, for auditors: owner ids and actor tags, no
/// personal data. A renewal to a newer notice is one grant, not a withdrawal and a grant. The rows stream.
/// </summary>
public sealed record GetConsentChangesQuery(Guid Clinic, DateTimeOffset? From, DateTimeOffset? To) : IQuery<ConsentChangeReport>, IAuditRequest;

public sealed record ConsentChangeReport(Guid ClinicId, DateTimeOffset From, DateTimeOffset To, IAsyncEnumerable<ConsentChange> Changes);

public sealed class GetConsentChangesValidator : AbstractValidator<GetConsentChangesQuery>
{
    public GetConsentChangesValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull();
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q is { From: not null, To: not null });
    }
}

public sealed class GetConsentChangesHandler(IConsentReports reports) : IQueryHandler<GetConsentChangesQuery, ConsentChangeReport>
{
    public ValueTask<ConsentChangeReport> Handle(GetConsentChangesQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From!.Value, query.To!.Value);
        return ValueTask.FromResult(new ConsentChangeReport(query.Clinic, from, to, reports.ChangesAsync(query.Clinic, from, to, cancellationToken)));
    }
}
