using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using VetOS.Application.PersonalData;
using VetOS.Application.PrivacyRequests;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.PrivacyRequests;

public sealed class PostgresErasureRecords(NpgsqlDataSource dataSource) : IErasureRecords
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
