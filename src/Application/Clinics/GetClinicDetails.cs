using Mediator;

namespace VetOS.Application.Clinics;

/// <summary>A clinic's public details: what its page shows anyone.</summary>
public sealed record GetClinicDetailsQuery(Guid Clinic) : IQuery<ClinicDetails?>;

public sealed class GetClinicDetailsHandler(IClinicRegistry clinics) : IQueryHandler<GetClinicDetailsQuery, ClinicDetails?>
{
    public async ValueTask<ClinicDetails?> Handle(GetClinicDetailsQuery query, CancellationToken cancellationToken) =>
        await clinics.FindAsync(query.Clinic, cancellationToken);
}
