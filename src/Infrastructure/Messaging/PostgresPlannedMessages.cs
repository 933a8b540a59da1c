using Npgsql;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging;

public sealed class PostgresPlannedMessages(NpgsqlDataSource dataSource) : IPlannedMessages
{
    public async Task<DateTimeOffset?> AppointmentStartAsync(Guid message, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select appointment_start from messaging.messages where id = $1");
        command.Parameters.AddWithValue(message);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime start
            ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc))
            : null;
    }
}
