using Npgsql;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Outbox;

namespace VetOS.Infrastructure.Messaging;

/// <summary>
/// The provider when no Postmark or Twilio keys are set (development, the demo, tests): keeps each message in
/// <c>messaging.outbox</c>, which the development page lists, and answers that it took it.
/// </summary>
public sealed class OutboxProvider(NpgsqlDataSource dataSource) : IEmailProvider, ITextProvider, IOutbox
{
    public const string Name = "outbox";

    public Task<ProviderAnswer> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) =>
        KeepAsync("email", email.To, email.Subject, email.TextBody, email.Tag, cancellationToken);

    public Task<ProviderAnswer> SendAsync(OutgoingText text, CancellationToken cancellationToken) =>
        KeepAsync(text.Channel, text.To, "", text.Body ?? $"[{text.TemplateId}]", text.Tag ?? text.TemplateId ?? text.Channel, cancellationToken);

    private async Task<ProviderAnswer> KeepAsync(string channel, string to, string subject, string body, string template, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand(
            "insert into messaging.outbox (id, channel, recipient, subject, body, template) values ($1, $2, $3, $4, $5, $6)");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(channel);
        command.Parameters.AddWithValue(to);
        command.Parameters.AddWithValue(subject);
        command.Parameters.AddWithValue(body);
        command.Parameters.AddWithValue(template);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ProviderAnswer.Accepted(Name, id.ToString(), "delivered");
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
