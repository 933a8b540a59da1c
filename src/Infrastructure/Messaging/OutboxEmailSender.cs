using Npgsql;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging;

public sealed record OutboxMessage(Guid Id, string Channel, string Recipient, string Subject, string Body, string Template, DateTimeOffset CreatedAt);

/// <summary>The default sender when no provider keys are set: keeps each message in <c>messaging.outbox</c> for the development page.</summary>
public sealed class OutboxEmailSender(NpgsqlDataSource dataSource) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into messaging.outbox (id, channel, recipient, subject, body, template) values ($1, 'email', $2, $3, $4, $5)");
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(message.To);
        command.Parameters.AddWithValue(message.Subject);
        command.Parameters.AddWithValue(message.TextBody);
        command.Parameters.AddWithValue(message.Template);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, channel, recipient, subject, body, template, created_at from messaging.outbox order by created_at desc, id desc limit $1");
        command.Parameters.AddWithValue(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
            messages.Add(new OutboxMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        return messages;
    }
}
