using Microsoft.Extensions.Caching.Memory;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Infrastructure.Bookings;

/// <summary>
/// Every booking reads its clinic's rules, which change rarely: they are kept for a few seconds, and dropped
/// at once on this instance when an admin changes them (other instances see the change within the lifetime).
/// </summary>
public sealed class CachedClinicRules(PostgresClinicRules rules, IMemoryCache cache) : IClinicRulesSource
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public Task<ClinicRules?> FindAsync(ClinicId clinic, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(Key(clinic), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return rules.FindAsync(clinic, cancellationToken);
        });

    public void Forget(ClinicId clinic) => cache.Remove(Key(clinic));

    private static (string, Guid) Key(ClinicId clinic) => ("clinic-rules", clinic.Value);
}
