using Mediator;
using VetOS.Application.Common;

namespace VetOS.Application.Clinics;

/// <summary>Every clinic on the platform, for its operators: names and counts, no client's personal data.</summary>
public sealed record ListClinicsQuery : IQuery<IReadOnlyList<ClinicListing>>, IOperatorRequest;

public sealed class ListClinicsHandler(IClinicRegistry clinics) : IQueryHandler<ListClinicsQuery, IReadOnlyList<ClinicListing>>
{
    public async ValueTask<IReadOnlyList<ClinicListing>> Handle(ListClinicsQuery query, CancellationToken cancellationToken) =>
        await clinics.ListAsync(cancellationToken);
}
