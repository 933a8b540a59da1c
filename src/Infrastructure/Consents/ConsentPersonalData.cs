using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.Consents;

/// <summary>
/// The owner's consent at the clinic: its periods and the hash-chained ledger with each choice's evidence. The ledger
/// is the proof that every reminder had consent, so erasure keeps it, pseudonymous: ids, times, channels and notice
/// versions; the IP address, browser and notes of each choice are shredded with the owner's key.
/// </summary>
public sealed class ConsentPersonalData(NpgsqlDataSource dataSource, IEventStreams streams) : IPersonalDataHolder
{
    public string Section => "consent";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var periods = await Rows.ReadAsync(dataSource, """
            select purpose, channel, notice_version, granted_at, granted_source, granted_by, withdrawn_at, withdrawn_source, withdrawn_by
              from consent.periods where owner_id = $1 and clinic_id = $2 order by granted_at, purpose, channel
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        var ledger = await ExportedEvents.OfAsync(streams, PostgresConsentLedgers.StreamOf(subject.Owner, subject.Clinic), cancellationToken);
        return periods.Count == 0 && ledger.Count == 0 ? null : new { periods, ledger };
    }

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        var periods = (await Rows.ReadAsync(dataSource, "select count(*)::int as n from consent.periods where owner_id = $1 and clinic_id = $2",
            cancellationToken, subject.Owner.Value, subject.Clinic.Value)).Single()["n"] as int? ?? 0;
        if (periods == 0)
            return new(Section, 0, []);
        var law = rules.For("consent");
        return new(Section, 0,
        [
            new KeptRecords($"the consent history ({periods} period{(periods == 1 ? "" : "s")}): ids, times, channels and notice versions, its evidence shredded",
                law?.Law ?? "the ledger is append-only and proves each reminder sent had consent",
                DateOnly.FromDateTime(rules.Now.UtcDateTime).AddYears(law?.Years ?? 0)),
        ]);
    }
}
