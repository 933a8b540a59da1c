using Npgsql;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Messaging;

/// <summary>
/// The messages sent to the owner for the clinic (and, once the account goes, the account's own emails), each with
/// its delivery-log entries; the replies they sent; and the local outbox's copies. Erasure removes recipients,
/// subjects, bodies, attachments and provider errors (which may quote an address), skips what is still queued, and
/// deletes the outbox's copies; the log's statuses and times stay until the clinic's retention purges them.
/// </summary>
public sealed class MessagePersonalData(NpgsqlDataSource dataSource) : IPersonalDataHolder
{
    public string Section => "messages";

    /// <summary>The owner's messages at the clinic, and the account's own once no other clinic keeps the account.</summary>
    private const string Theirs = """
        owner_id = $1 and (clinic_id = $2 or clinic_id is null and not exists (select from owners.clinic_clients c where c.owner_id = $1 and c.clinic_id <> $2))
        """;

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var messages = await Rows.ReadAsync(dataSource, $"""
            select id, channel, template, purpose, booking_id, recipient, subject, body, attachment_name, whatsapp_template_variables::text as whatsapp_variables,
                   due_at, status, skip_reason, attempts, provider, provider_message_id, created_at, sent_at, updated_at
              from messaging.messages where {Theirs} order by created_at
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        var log = (await Rows.ReadAsync(dataSource, $"""
            select message_id, attempt, status, provider, provider_message_id, error_code, error, at from messaging.delivery_log
             where message_id in (select id from messaging.messages where {Theirs}) order by message_id, id
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value)).ToLookup(e => (Guid)e["message_id"]!);
        foreach (var message in messages)
            message["delivery_log"] = log[(Guid)message["id"]!].ToList();
        var replies = await Rows.ReadAsync(dataSource, """
            select message_sid, channel, action, booking_id, received_at from messaging.inbound_messages where $1 = any (owner_ids) order by received_at
            """, cancellationToken, subject.Owner.Value);
        return new { messages, replies };
    }

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"""
            delete from messaging.outbox o
             where o.id::text in (select provider_message_id from messaging.messages where {Theirs} and provider = 'outbox')
                or not exists (select from owners.clinic_clients c where c.owner_id = $1 and c.clinic_id <> $2)
                   and o.recipient in (select r from identity.users u, lateral (values (u.email), (u.phone_number)) v (r) where u.id = $1)
            """, subject));
        batch.BatchCommands.Add(Command($"""
            update messaging.delivery_log set error = null where error is not null and message_id in (select id from messaging.messages where {Theirs})
            """, subject));
        batch.BatchCommands.Add(Command($"""
            update messaging.messages
               set recipient = null, subject = null, body = null, attachment = null, attachment_name = null, attachment_type = null,
                   whatsapp_template_variables = null,
                   skip_reason = case when status in ('queued', 'sending') then 'the owner''s data was erased' else skip_reason end,
                   status = case when status in ('queued', 'sending') then 'skipped' else status end
             where {Theirs} and (recipient is not null or body is not null or attachment is not null or whatsapp_template_variables is not null)
            """, subject));
        var removed = await batch.ExecuteNonQueryAsync(cancellationToken);
        return new(Section, removed, []);
    }

    private static NpgsqlBatchCommand Command(string sql, DataSubject subject) =>
        new(sql) { Parameters = { new() { Value = subject.Owner.Value }, new() { Value = subject.Clinic.Value } } };
}
