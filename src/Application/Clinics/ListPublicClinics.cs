using Mediator;

namespace VetOS.Application.Clinics;

/// <summary>The clinics this portal serves, as anyone may see them on the home page: name, page and time zone.</summary>
public sealed record ListPublicClinicsQuery : IQuery<IReadOnlyList<PublicClinic>>;

public sealed record PublicClinic(string Slug, string Name, string TimeZone);

/// <summary>Where the public list of clinics is read from.</summary>
public interface IPublicClinics
{
    Task<IReadOnlyList<PublicClinic>> ListAsync(CancellationToken cancellationToken);
}

public sealed class ListPublicClinicsHandler(IPublicClinics clinics) : IQueryHandler<ListPublicClinicsQuery, IReadOnlyList<PublicClinic>>
{
    public async ValueTask<IReadOnlyList<PublicClinic>> Handle(ListPublicClinicsQuery query, CancellationToken cancellationToken) =>
        await clinics.ListAsync(cancellationToken);
}
