using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using VetOS.Application.PersonalData;
using VetOS.Application.PrivacyRequests;

namespace VetOS.Infrastructure.PrivacyRequests;

/// <summary>The clinic's jurisdiction and legal retention (<c>clinic.clinics.record_retention</c>, JSON) and its delivery-log retention.</summary>
public sealed class PostgresRecordKeeping(NpgsqlDataSource dataSource) : IRecordKeeping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RecordKeeping?> ForAsync(Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select jurisdiction, record_retention::text, delivery_log_retention from clinic.clinics where id = $1");
        command.Parameters.AddWithValue(clinic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new(reader.GetString(0), JsonSerializer.Deserialize<List<LegalRetention>>(reader.GetString(1), Json)!, reader.GetFieldValue<TimeSpan>(2));
    }

    public async Task<bool> SetAsync(Guid clinic, string jurisdiction, IReadOnlyList<LegalRetention> retention, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update clinic.clinics set jurisdiction = $2, record_retention = $3 where id = $1");
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(jurisdiction);
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, JsonSerializer.Serialize(retention, Json));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
