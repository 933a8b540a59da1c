using Npgsql;
using VetOS.Application.Messaging.Webhooks;

namespace VetOS.Infrastructure.Messaging;

/// <summary>
/// One statement per report: the delivery-log row keyed by the webhook's id (a replay inserts nothing, so changes
/// nothing), and the message's status moved forward only when that row was new.
/// </summary>
public sealed class PostgresProviderStatuses(NpgsqlDataSource dataSource) : IProviderStatuses
{
    private const string Record = """
        with message as (
            select id, clinic_id, attempts from messaging.messages where provider = $1 and provider_message_id = $2
        ), logged as (
            insert into messaging.delivery_log (message_id, clinic_id, attempt, status, provider, provider_message_id, error_code, error, at, webhook_id)
            select id, clinic_id, attempts, $3, $1, $2, $4, $5, $6, $7 from message
            on conflict (webhook_id) do nothing
            returning message_id
        ), moved as (
            update messaging.messages m set status = $3, updated_at = $6
              from logged
             where $8 and m.id = logged.message_id and messaging.status_rank($3) > messaging.status_rank(m.status)
            returning m.id
        )
        select (select count(*) from message)::int, (select count(*) from logged)::int
        """;

    public async Task<StatusRecorded> RecordAsync(ProviderStatusReport report, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Record);
        command.Parameters.AddWithValue(report.Provider);
        command.Parameters.AddWithValue(report.ProviderMessageId);
        command.Parameters.AddWithValue(report.Status);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)report.ErrorCode ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)report.Error ?? DBNull.Value);
        command.Parameters.AddWithValue(report.At);
        command.Parameters.AddWithValue(report.WebhookId);
        command.Parameters.AddWithValue(report.ChangesStatus);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1)) switch
        {
            (0, _) => StatusRecorded.UnknownMessage,
            (_, 0) => StatusRecorded.Replayed,
            _ => StatusRecorded.Recorded,
        };
    }
}
