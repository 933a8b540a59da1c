using Npgsql;
using VetOS.Application.Consents;
using VetOS.Domain.Consents;

namespace VetOS.Infrastructure.Consents;

public sealed class PostgresConsentPurposes(NpgsqlDataSource dataSource) : IConsentPurposes
{
    public async Task<IReadOnlyList<ConsentPurpose>> ForClinicAsync(Guid clinic, CancellationToken cancellationToken)
    {
        var notices = await NoticesAsync(clinic, cancellationToken);
        await using var command = dataSource.CreateCommand("select purpose, channels from consent.purposes where clinic_id = $1 order by created_at, purpose");
        command.Parameters.AddWithValue(clinic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var purposes = new List<ConsentPurpose>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            purposes.Add(new ConsentPurpose(key, reader.GetFieldValue<string[]>(1), notices
                .Where(n => n.Purpose == key)
                .Select(n => new NoticeVersion(n.Purpose, n.Version, n.Hash, n.Material, n.PublishedAt))
                .ToList()));
        }
        return purposes;
    }

    public async Task<IReadOnlyList<NoticeText>> NoticesAsync(Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select purpose, version, wording, hash, material, published_at, published_by from consent.notices
             where clinic_id = $1 order by purpose, version
            """);
        command.Parameters.AddWithValue(clinic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notices = new List<NoticeText>();
        while (await reader.ReadAsync(cancellationToken))
            notices.Add(new NoticeText(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6)));
        return notices;
    }
}
