using FluentValidation;
using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Messaging;

/// <summary>The clinic's messages with each attempt and status, by owner, period (when queued) and status, for its auditors and admins.</summary>
public sealed record GetDeliveryLogQuery(Guid Clinic, Guid? Owner, DateTimeOffset? From, DateTimeOffset? To, string? Status, int? Limit)
    : IQuery<IReadOnlyList<DeliveryLogEntry>>, IAuditRequest;

public sealed class GetDeliveryLogValidator : AbstractValidator<GetDeliveryLogQuery>
{
    public GetDeliveryLogValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q is { From: not null, To: not null });
        RuleFor(q => q.Status).Must(s => s is null || MessageStatuses.All.Contains(s))
            .WithMessage($"'Status' must be one of {string.Join(", ", MessageStatuses.All)}.");
    }
}

public sealed class GetDeliveryLogHandler(IDeliveryLog log) : IQueryHandler<GetDeliveryLogQuery, IReadOnlyList<DeliveryLogEntry>>
{
    public async ValueTask<IReadOnlyList<DeliveryLogEntry>> Handle(GetDeliveryLogQuery query, CancellationToken cancellationToken) =>
        await log.FindAsync(new DeliveryLogFilter(query.Clinic, query.Owner, query.From, query.To, query.Status, query.Limit ?? 200), cancellationToken);
}
