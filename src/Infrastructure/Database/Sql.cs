using Npgsql;

namespace VetOS.Infrastructure.Database;

/// <summary>Statements whose positional parameters ($1, $2, …) are bound in order; a null binds as SQL null.</summary>
public static class Sql
{
    public static NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql, params object?[] values) =>
        Bound(dataSource.CreateCommand(sql), values);

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values) =>
        Bound(new NpgsqlCommand(sql, connection, transaction), values);

    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        Bind(command.Parameters, values);
        return command;
    }

    private static NpgsqlCommand Bound(NpgsqlCommand command, object?[] values)
    {
        Bind(command.Parameters, values);
        return command;
    }

    private static void Bind(NpgsqlParameterCollection parameters, object?[] values)
    {
        foreach (var value in values)
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
    }
}
