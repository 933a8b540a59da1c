using FluentValidation;
using Mediator;

namespace VetOS.Application.Common;

/// <summary>
/// Breach support: for a period and one staff account (or all), the owners whose data was read, from the access log,
/// each with how often, when first and last, and what was read, so that the clinic can tell whom a breach touched.
/// </summary>
public sealed record FindOwnersReadQuery(Guid Clinic, DateTimeOffset? From, DateTimeOffset? To, Guid? Reader) : IQuery<OwnersRead>, IAuditRequest;

public sealed record OwnersRead(Guid ClinicId, DateTimeOffset From, DateTimeOffset To, Guid? Reader, IReadOnlyList<OwnerRead> Owners);

public sealed record OwnerRead(Guid OwnerId, int Reads, DateTimeOffset FirstRead, DateTimeOffset LastRead, IReadOnlyList<Guid> Readers, IReadOnlyList<string> Records);

public sealed class FindOwnersReadValidator : AbstractValidator<FindOwnersReadQuery>
{
    public FindOwnersReadValidator()
    {
        RuleFor(q => q.From).NotNull().WithMessage("Give the start of the period.");
        RuleFor(q => q.To).NotNull().WithMessage("Give the end of the period.");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q is { From: not null, To: not null }).WithMessage("The period must end after it starts.")
            .Must((q, to) => to - q.From <= TimeSpan.FromDays(366)).When(q => q is { From: not null, To: not null }).WithMessage("Ask for at most a year at a time.");
    }
}

public sealed class FindOwnersReadHandler(IAccessLog log) : IQueryHandler<FindOwnersReadQuery, OwnersRead>
{
    public async ValueTask<OwnersRead> Handle(FindOwnersReadQuery query, CancellationToken cancellationToken) =>
        new(query.Clinic, query.From!.Value, query.To!.Value, query.Reader,
            await log.OwnersReadAsync(query.Clinic, query.From.Value, query.To.Value, query.Reader, cancellationToken));
}
