using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using VetOS.Application.PersonalData;
using VetOS.Application.PrivacyRequests;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.PrivacyRequests;

public sealed class PostgresErasureRecords(NpgsqlDataSource dataSource, IPersonalDataKeys keys) : IErasureRecords
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task MarkErasedAsync(DataSubject subject, IReadOnlyList<string> removedSections, DateTimeOffset at, CancellationToken cancellationToken) =>
        Rows.ExecuteAsync(dataSource, """
            insert into privacy.erased_owners (clinic_id, owner_id, erased_at, removed) values ($1, $2, $3, $4)
            on conflict (owner_id, clinic_id) do update set erased_at = $3, removed = $4
            """, cancellationToken, subject.Clinic.Value, subject.Owner.Value, at, removedSections.ToArray());

    public async Task SaveReportAsync(Guid request, string by, DateTimeOffset at, object report, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("insert into privacy.erasure_reports (request_id, at, by, report) values ($1, $2, $3, $4)");
        command.Parameters.AddWithValue(request);
        command.Parameters.AddWithValue(at);
        command.Parameters.AddWithValue(by);
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, JsonSerializer.Serialize(report, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SearchTerm>?> HeldTermsAsync(Guid request, CancellationToken cancellationToken)
    {
        var held = (await Rows.ReadAsync(dataSource, "select terms from privacy.erasures_in_progress where request_id = $1", cancellationToken, request))
            .SingleOrDefault()?["terms"] as string;
        if (held is null)
            return null;
        var subject = TermsKey(request);
        var key = (await keys.FindAsync([subject], cancellationToken)).GetValueOrDefault(subject);
        return key is null ? null : JsonSerializer.Deserialize<List<SearchTerm>>(PersonalDataCipher.Open(key, subject, held), Json);
    }

    public async Task HoldTermsAsync(Guid request, IReadOnlyList<SearchTerm> terms, CancellationToken cancellationToken)
    {
        var subject = TermsKey(request);
        var sealedTerms = PersonalDataCipher.Seal(await keys.GetOrCreateAsync(subject, cancellationToken), subject, JsonSerializer.Serialize(terms, Json));
        await Rows.ExecuteAsync(dataSource, "insert into privacy.erasures_in_progress (request_id, terms) values ($1, $2) on conflict (request_id) do nothing",
            cancellationToken, request, sealedTerms);
    }

    public async Task ForgetTermsAsync(Guid request, CancellationToken cancellationToken)
    {
        await keys.DestroyAsync(TermsKey(request), cancellationToken);
        await Rows.ExecuteAsync(dataSource, "delete from privacy.erasures_in_progress where request_id = $1", cancellationToken, request);
    }

    public async Task<IReadOnlyList<ErasedSection>> SectionsErasedAsync(Guid request, CancellationToken cancellationToken) =>
        (await Rows.ReadAsync(dataSource, "select value::text as section from privacy.erasures_in_progress, jsonb_each(sections) where request_id = $1",
            cancellationToken, request)).Select(row => JsonSerializer.Deserialize<ErasedSection>((string)row["section"]!, Json)!).ToList();

    public async Task SectionErasedAsync(Guid request, ErasedSection section, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update privacy.erasures_in_progress set sections = sections || jsonb_build_object($2::text, $3::jsonb) where request_id = $1");
        command.Parameters.AddWithValue(request);
        command.Parameters.AddWithValue(section.Section);
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, JsonSerializer.Serialize(section, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string TermsKey(Guid request) => $"erasure/{request}";

    public async Task<IReadOnlyList<StoredErasureReport>> ReportsAsync(Guid request, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select at, by, report::text from privacy.erasure_reports where request_id = $1 order by id");
        command.Parameters.AddWithValue(request);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reports = new List<StoredErasureReport>();
        while (await reader.ReadAsync(cancellationToken))
            reports.Add(new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), JsonDocument.Parse(reader.GetString(2)).RootElement.Clone()));
        return reports;
    }

    public async Task<int> UpcomingAppointmentsAsync(DataSubject subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select count(*)::int from booking.appointments
             where owner_id = $1 and clinic_id = $2 and status in ('requested', 'confirmed') and starts_at > $3
            """);
        command.Parameters.AddWithValue(subject.Owner.Value);
        command.Parameters.AddWithValue(subject.Clinic.Value);
        command.Parameters.AddWithValue(now);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
