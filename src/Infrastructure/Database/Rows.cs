using Npgsql;

namespace VetOS.Infrastructure.Database;

/// <summary>Rows as name-value maps, for the access export, which shows each stored record as it is kept.</summary>
public static class Rows
{
    public static async Task<List<Dictionary<string, object?>>> ReadAsync(
        NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Sql.Command(dataSource, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetFieldType(i) == typeof(DateTime) ? reader.GetFieldValue<DateTimeOffset>(i) : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Sql.Command(dataSource, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
