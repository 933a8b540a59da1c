using Npgsql;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Audit;

/// <summary>
/// Which staff read the owner's data, when, and what. The entries hold ids only; where the clinic must be able to show
/// who accessed personal data, erasure keeps them, else they go.
/// </summary>
public sealed class AccessLogPersonalData(NpgsqlDataSource dataSource) : IPersonalDataHolder
{
    public string Section => "access-log";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await Rows.ReadAsync(dataSource, """
            select at, reader_id, reader_role, record from audit.access_log where owner_id = $1 and clinic_id = $2 order by at, id
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        if (rules.For("access-log") is { } law)
        {
            var entries = (int)(await Rows.ReadAsync(dataSource, "select count(*)::int as n from audit.access_log where owner_id = $1 and clinic_id = $2",
                cancellationToken, subject.Owner.Value, subject.Clinic.Value)).Single()["n"]!;
            return new(Section, 0, entries == 0 ? [] :
            [
                new KeptRecords($"{entries} access-log entr{(entries == 1 ? "y" : "ies")}: who read which record and when, ids only",
                    law.Law, DateOnly.FromDateTime(rules.Now.UtcDateTime).AddYears(law.Years)),
            ]);
        }
        return new(Section, await Rows.ExecuteAsync(dataSource, "delete from audit.access_log where owner_id = $1 and clinic_id = $2",
            cancellationToken, subject.Owner.Value, subject.Clinic.Value), []);
    }
}
