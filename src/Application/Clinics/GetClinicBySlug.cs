using Mediator;

namespace VetOS.Application.Clinics;

/// <summary>A clinic's public details by its slug, as the pages that name it in their address need them.</summary>
public sealed record GetClinicBySlugQuery(string Slug) : IQuery<RegisteredClinic?>;

public sealed class GetClinicBySlugHandler(IClinicRegistry clinics) : IQueryHandler<GetClinicBySlugQuery, RegisteredClinic?>
{
    public async ValueTask<RegisteredClinic?> Handle(GetClinicBySlugQuery query, CancellationToken cancellationToken) =>
        await clinics.FindBySlugAsync(query.Slug, cancellationToken);
}
