using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Owners;

/// <summary>The clinic's clients whose name, email address or phone number contains <see cref="Q"/>: at most 20, for its staff.</summary>
public sealed record FindClientsQuery(Guid Clinic, string Q) : IQuery<ClientMatches>, IStaffRequest;

public sealed record ClientMatches(Guid ClinicId, IReadOnlyList<ClientSummary> Clients) : IShowsOwnerData
{
    public const int Limit = 20;

    Guid IShowsOwnerData.Clinic => ClinicId;
    string IShowsOwnerData.Record => "client search";
    IEnumerable<Guid> IShowsOwnerData.OwnersShown => Clients.Select(c => c.OwnerId);
}

public sealed class FindClientsValidator : AbstractValidator<FindClientsQuery>
{
    public FindClientsValidator() => RuleFor(q => q.Q).NotEmpty().Must(q => q.Trim().Length >= 2).WithMessage("'Q' needs at least 2 characters.").MaximumLength(100);
}

public sealed class FindClientsHandler(IClientDirectory clients) : IQueryHandler<FindClientsQuery, ClientMatches>
{
    public async ValueTask<ClientMatches> Handle(FindClientsQuery query, CancellationToken cancellationToken) =>
        new(query.Clinic, await clients.FindAsync(new ClinicId(query.Clinic), query.Q.Trim(), ClientMatches.Limit, cancellationToken));
}
