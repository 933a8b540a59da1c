using Mediator;
using VetOS.Application.Bookings;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Clinics;

/// <summary>What a clinic's public page shows anyone: who it is, when it is open, and its privacy policy.</summary>
public sealed record GetClinicPageQuery(string Slug) : IQuery<ClinicPage?>;

public sealed record ClinicPage(Guid Id, ClinicDetails Details, IReadOnlyList<OpeningPeriod> OpeningHours, PrivacyPolicy PrivacyPolicy);

public sealed class GetClinicPageHandler(IClinicRegistry clinics, IClinicRulesSource rules, PrivacyPolicySource policies)
    : IQueryHandler<GetClinicPageQuery, ClinicPage?>
{
    public async ValueTask<ClinicPage?> Handle(GetClinicPageQuery query, CancellationToken cancellationToken)
    {
        if (await clinics.FindBySlugAsync(query.Slug, cancellationToken) is not { } clinic)
            return null;
        var hours = (await rules.FindAsync(new ClinicId(clinic.Id), cancellationToken))?.OpeningHours ?? [];
        return new(clinic.Id, clinic.Details, hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).ToList(),
            await policies.ForAsync(clinic, cancellationToken));
    }
}
