using FluentValidation;
using Mediator;

namespace VetOS.Application.Common;

/// <summary>Who read which owner's data and when, for a clinic's auditors and admins: by owner, by reader, by period.</summary>
public sealed record GetAccessLogQuery(Guid Clinic, Guid? Owner, Guid? Reader, DateTimeOffset? From, DateTimeOffset? To, int? Limit)
    : IQuery<IReadOnlyList<AccessLogEntry>>, IAuditRequest;

public sealed class GetAccessLogValidator : AbstractValidator<GetAccessLogQuery>
{
    public GetAccessLogValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 10_000);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q is { From: not null, To: not null });
    }
}

public sealed class GetAccessLogHandler(IAccessLog log) : IQueryHandler<GetAccessLogQuery, IReadOnlyList<AccessLogEntry>>
{
    public async ValueTask<IReadOnlyList<AccessLogEntry>> Handle(GetAccessLogQuery query, CancellationToken cancellationToken) =>
        await log.FindAsync(new AccessLogFilter(query.Clinic, query.Owner, query.Reader, query.From, query.To, query.Limit ?? 1000), cancellationToken);
}
