using Npgsql;
using VetOS.Application.PersonalData;

namespace VetOS.Infrastructure.PersonalData;

/// <summary>
/// Keys are read from the database every time rather than cached, so that an erasure made on one instance
/// is in force on all of them at once.
/// </summary>
public sealed class PostgresPersonalDataKeys(NpgsqlDataSource dataSource) : IPersonalDataKeys
{
    public async Task<byte[]> GetOrCreateAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        await using var command = dataSource.CreateCommand("""
            with made as (
                insert into key_store.subject_keys (subject_id, key) values ($1, $2)
                on conflict (subject_id) do nothing
                returning key)
            select key from made
            union all
            select key from key_store.subject_keys where subject_id = $1
            limit 1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subjectId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = PersonalDataCipher.NewKey() });
        if (await command.ExecuteScalarAsync(cancellationToken) is byte[] key)
            return key;

        // Either the subject was erased, or another writer made the key after this statement's snapshot.
        await using var lookup = dataSource.CreateCommand("select key from key_store.subject_keys where subject_id = $1");
        lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subjectId });
        return await lookup.ExecuteScalarAsync(cancellationToken) as byte[] ?? throw new SubjectErasedException(subjectId);
    }

    public async Task<IReadOnlyDictionary<string, byte[]>> FindAsync(
        IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (subjectIds.Count == 0)
            return keys;
        await using var command = dataSource.CreateCommand(
            "select subject_id, key from key_store.subject_keys where subject_id = any($1) and key is not null");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = subjectIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            keys[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
        return keys;
    }

    public async Task DestroyAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        await using var command = dataSource.CreateCommand("""
            insert into key_store.subject_keys (subject_id, key, destroyed_at) values ($1, null, now())
            on conflict (subject_id) do update set key = null, destroyed_at = coalesce(key_store.subject_keys.destroyed_at, now())
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subjectId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
