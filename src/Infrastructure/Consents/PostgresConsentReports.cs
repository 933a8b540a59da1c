using System.Runtime.CompilerServices;
using Npgsql;
using VetOS.Application.Consents;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Consents;

/// <summary>
/// The auditors' reads over <c>consent.periods</c> and <c>consent.notices</c>. A period lapses when a material
/// notice newer than the one it was given to had been published by the instant asked about; with notice versions
/// ascending, that is when its version is below the newest material version published by then.
/// </summary>
public sealed class PostgresConsentReports(NpgsqlDataSource dataSource, PostgresEventStore store, EventSerializer serializer) : IConsentReports
{
    private static string Lapsing(string at) => $"""
        lapsing as (select purpose, max(version) as version from consent.notices
                     where clinic_id = $1 and material and published_at <= {at} group by purpose)
        """;

    public async Task<IReadOnlyList<ChainedEvent>> HistoryAsync(Guid clinic, Guid owner, CancellationToken cancellationToken)
    {
        var recorded = await store.ReadStreamAsync(PostgresConsentLedgers.StreamOf(new OwnerId(owner), new ClinicId(clinic)), cancellationToken);
        var events = await serializer.DeserializeAsync(recorded, cancellationToken);
        return events.Select((e, i) => new ChainedEvent(e, ConsentChain.StoredHashOf(recorded[i]))).ToList();
    }

    public async Task<IReadOnlyList<ConsentState>> AsOfAsync(Guid clinic, Guid owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with offered as (
                select p.purpose, c.channel, p.created_at, c.n
                  from consent.purposes p cross join unnest(p.channels) with ordinality as c (channel, n)
                 where p.clinic_id = $1),
            {Lapsing("$3")}
            select o.purpose, o.channel,
                   case when x.granted_at is null then 'never'
                        when x.withdrawn_at <= $3 then 'withdrawn'
                        when x.notice_version < l.version then 'lapsed'
                        else 'granted' end,
                   case when x.withdrawn_at <= $3 then x.withdrawn_at else x.granted_at end,
                   case when x.withdrawn_at <= $3 then null else x.notice_version end,
                   case when x.withdrawn_at <= $3 then x.withdrawn_source else x.granted_source end
              from offered o
              left join lateral (
                  select c.granted_at, c.notice_version, c.granted_source, c.withdrawn_at, c.withdrawn_source from consent.periods c
                   where c.owner_id = $2 and c.clinic_id = $1 and c.purpose = o.purpose and c.channel = o.channel and c.granted_at <= $3
                   order by c.granted_at desc limit 1) x on true
              left join lapsing l on l.purpose = o.purpose
             order by o.created_at, o.purpose, o.n
            """);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(at.ToUniversalTime()); // Npgsql writes only UTC instants
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<ConsentState>();
        while (await reader.ReadAsync(cancellationToken))
            states.Add(new ConsentState(reader.GetString(0), reader.GetString(1), Enum.Parse<ConsentStatus>(reader.GetString(2), ignoreCase: true),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return states;
    }

    public async IAsyncEnumerable<ClinicConsent> InForceAsync(Guid clinic, DateTimeOffset at, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with {Lapsing("$2")}
            select c.owner_id, c.purpose, c.channel, c.granted_at, c.notice_version
              from consent.periods c left join lapsing l on l.purpose = c.purpose
             where c.clinic_id = $1 and c.granted_at <= $2 and (c.withdrawn_at is null or c.withdrawn_at > $2)
               and (l.version is null or c.notice_version is null or c.notice_version >= l.version)
             order by c.owner_id, c.purpose, c.channel
            """);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(at.ToUniversalTime()); // Npgsql writes only UTC instants
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new ClinicConsent(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4));
    }

    public async IAsyncEnumerable<ConsentChange> ChangesAsync(
        Guid clinic, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select owner_id, purpose, channel, '{ConsentChanges.Granted}', granted_at, granted_source, granted_by from consent.periods
             where clinic_id = $1 and granted_at >= $2 and granted_at < $3
            union all
            select owner_id, purpose, channel, '{ConsentChanges.Withdrawn}', withdrawn_at, withdrawn_source, withdrawn_by from consent.periods
             where clinic_id = $1 and withdrawn_at >= $2 and withdrawn_at < $3 and withdrawn_source <> '{PostgresConsentLedgers.Renewed}'
             order by 5, 1, 2, 3, 4
            """);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(from.ToUniversalTime()); // a client may send any offset; Npgsql writes only UTC
        command.Parameters.AddWithValue(to.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new ConsentChange(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetString(6));
    }
}
