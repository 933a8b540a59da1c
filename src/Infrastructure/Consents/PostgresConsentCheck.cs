using Npgsql;
using VetOS.Application.Consents;

namespace VetOS.Infrastructure.Consents;

/// <summary>Consent at an instant, from the periods: one indexed look-up per question.</summary>
public sealed class PostgresConsentCheck(NpgsqlDataSource dataSource) : IConsentCheck
{
    public async Task<bool> HasConsentAsync(Guid owner, Guid clinic, string purpose, string channel, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select exists (
              select 1 from consent.periods p
               where p.owner_id = $1 and p.clinic_id = $2 and p.purpose = $3 and p.channel = $4
                 and p.granted_at <= $5 and (p.withdrawn_at is null or p.withdrawn_at > $5)
                 and not exists (select 1 from consent.notices n
                                  where n.clinic_id = p.clinic_id and n.purpose = p.purpose and n.material
                                    and n.version > p.notice_version and n.published_at <= $5))
            """);
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.AddWithValue(channel);
        command.Parameters.AddWithValue(at);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
