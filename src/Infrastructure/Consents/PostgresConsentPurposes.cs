using Npgsql;
using VetOS.Application.Consents;
using VetOS.Domain.Consents;

namespace VetOS.Infrastructure.Consents;

public sealed class PostgresConsentPurposes(NpgsqlDataSource dataSource) : IConsentPurposes
{
    public async Task<IReadOnlyList<ConsentPurpose>> ForClinicAsync(Guid clinic, CancellationToken cancellationToken) =>
        (await DetailsAsync(clinic, cancellationToken)).Select(p => p.Rules).ToList();

    public async Task<IReadOnlyList<PurposeDetails>> DetailsAsync(Guid clinic, CancellationToken cancellationToken)
    {
        var notices = await NoticesAsync(clinic, cancellationToken);
        await using var command = dataSource.CreateCommand("select purpose, name, channels from consent.purposes where clinic_id = $1 order by created_at, purpose");
        command.Parameters.AddWithValue(clinic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var purposes = new List<PurposeDetails>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            purposes.Add(new PurposeDetails(key, reader.GetString(1), reader.GetFieldValue<string[]>(2), notices.Where(n => n.Purpose == key).ToList()));
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

    public async Task<bool> AddAsync(
        Guid clinic, string key, string name, IReadOnlyList<string> channels, NoticeDraft first, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var add = new NpgsqlCommand("""
            insert into consent.purposes (clinic_id, purpose, name, channels) values ($1, $2, $3, $4) on conflict do nothing
            """, connection, transaction))
        {
            add.Parameters.AddWithValue(clinic);
            add.Parameters.AddWithValue(key);
            add.Parameters.AddWithValue(name);
            add.Parameters.AddWithValue(channels.ToArray());
            if (await add.ExecuteNonQueryAsync(cancellationToken) == 0)
                return false;
        }
        await InsertNoticeAsync(connection, transaction, clinic, key, first, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<NoticeText?> PublishAsync(Guid clinic, string purpose, NoticeDraft notice, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Publishers of one purpose queue on its row; each then numbers its version in a statement that sees the one before.
        await using (var lockPurpose = new NpgsqlCommand(
            "select 1 from consent.purposes where clinic_id = $1 and purpose = $2 for update", connection, transaction))
        {
            lockPurpose.Parameters.AddWithValue(clinic);
            lockPurpose.Parameters.AddWithValue(purpose);
            if (await lockPurpose.ExecuteScalarAsync(cancellationToken) is null)
                return null;
        }
        var version = await InsertNoticeAsync(connection, transaction, clinic, purpose, notice, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NoticeText(purpose, version, notice.Wording, notice.Hash, notice.Material, notice.PublishedAt, notice.PublishedBy);
    }

    private static async Task<int> InsertNoticeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid clinic, string purpose, NoticeDraft notice, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            insert into consent.notices (clinic_id, purpose, version, wording, hash, material, published_at, published_by)
            select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7 from consent.notices where clinic_id = $1 and purpose = $2
            returning version
            """, connection, transaction);
        insert.Parameters.AddWithValue(clinic);
        insert.Parameters.AddWithValue(purpose);
        insert.Parameters.AddWithValue(notice.Wording);
        insert.Parameters.AddWithValue(notice.Hash);
        insert.Parameters.AddWithValue(notice.Material);
        insert.Parameters.AddWithValue(notice.PublishedAt);
        insert.Parameters.AddWithValue(notice.PublishedBy);
        return (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }
}
