using Npgsql;
using VetOS.Application.Messaging;
using VetOS.Domain.Messaging;

namespace VetOS.Infrastructure.Messaging;

public sealed class PostgresReminderPolicies(NpgsqlDataSource dataSource) : IReminderPolicies
{
    public async Task<ReminderPolicy?> FindAsync(Guid clinic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select reminder_offsets, quiet_hours_start, quiet_hours_end from clinic.clinics where id = $1");
        command.Parameters.AddWithValue(clinic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReminderPolicy(reader.GetFieldValue<TimeSpan[]>(0), reader.GetFieldValue<TimeOnly>(1), reader.GetFieldValue<TimeOnly>(2))
            : null;
    }

    public async Task<bool> SetAsync(Guid clinic, ReminderPolicy policy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update clinic.clinics set reminder_offsets = $2, quiet_hours_start = $3, quiet_hours_end = $4 where id = $1");
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(policy.Offsets.ToArray());
        command.Parameters.AddWithValue(policy.QuietStart);
        command.Parameters.AddWithValue(policy.QuietEnd);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
