using Npgsql;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.PrivacyRequests;

/// <summary>
/// The owner's privacy requests to the clinic and their steps. Erasure deletes the access exports built for them and blanks
/// what people wrote about the owner in the rows (the events' sealed copies go with the owner's key); the requests
/// themselves stay, by id, as the record that they were answered.
/// </summary>
public sealed class PrivacyRequestPersonalData(NpgsqlDataSource dataSource) : IPersonalDataHolder
{
    public string Section => "privacy-requests";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var requests = await Rows.ReadAsync(dataSource, """
            select id, kind, received_via, verification, details, received_at, due_at, extended_by_months, extension_reason, status, handler_id, outcome
              from privacy.requests where owner_id = $1 and clinic_id = $2 order by received_at
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        foreach (var request in requests)
            request["steps"] = await Rows.ReadAsync(dataSource, "select at, by, what, note from privacy.request_steps where request_id = $1 order by at, ctid",
                cancellationToken, request["id"]!);
        return requests;
    }

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("delete from privacy.exports where request_id in (select id from privacy.requests where owner_id = $1 and clinic_id = $2)", subject));
        batch.BatchCommands.Add(Command("""
            update privacy.requests set details = '', verification = '', extension_reason = null, outcome = null
             where owner_id = $1 and clinic_id = $2 and (details <> '' or verification <> '' or extension_reason is not null or outcome is not null)
            """, subject));
        batch.BatchCommands.Add(Command("""
            update privacy.request_steps set note = ''
             where request_id in (select id from privacy.requests where owner_id = $1 and clinic_id = $2) and note <> ''
            """, subject));
        var removed = await batch.ExecuteNonQueryAsync(cancellationToken);
        var law = rules.For("access-log");
        return new(Section, removed,
        [
            new KeptRecords("the privacy requests and their steps, by id", law?.Law ?? "the record that each request was answered",
                DateOnly.FromDateTime(rules.Now.UtcDateTime).AddYears(law?.Years ?? 0)),
        ]);
    }

    private static NpgsqlBatchCommand Command(string sql, DataSubject subject) => Sql.BatchCommand(sql, subject.Owner.Value, subject.Clinic.Value);
}
