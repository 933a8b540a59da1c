using Npgsql;
using NpgsqlTypes;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging.Dispatch;

/// <summary>
/// The dispatcher's statements, on a connection of its own for the whole run: a pooled connection taken afresh would
/// cost a reset statement each time. Recording the last outcomes, claiming the next batch and finding the next due
/// time go in one round trip and one implicit transaction, so a steady run costs one commit per claim plus one per send group.
/// </summary>
internal sealed class DispatchStore(NpgsqlConnection connection)
{
    private const string Record = """
        with o as (
          select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[])
            as o(id, status, provider, provider_message_id, error_code, error, skip_reason, at, next_attempt_at)),
        u as (
          update messaging.messages m
             set status = o.status, provider = coalesce(o.provider, m.provider), provider_message_id = coalesce(o.provider_message_id, m.provider_message_id),
                 skip_reason = o.skip_reason, sent_at = case when o.status = 'sent' then o.at else m.sent_at end,
                 next_attempt_at = coalesce(o.next_attempt_at, m.next_attempt_at), updated_at = o.at
            from o
           where m.id = o.id and m.status = 'sending'
          returning m.id, m.clinic_id, m.attempts),
        l as (
          insert into messaging.delivery_log (message_id, clinic_id, attempt, status, provider, provider_message_id, error_code, error, at)
          select u.id, u.clinic_id, u.attempts, o.status, o.provider, o.provider_message_id, o.error_code, o.error, o.at
            from u join o on o.id = u.id
          returning 1)
        select count(*) from l
        """;

    // A message recorded as anything but 'sending' is never claimed again; a 'sending' one only once its lease ran out.
    // A booking's notices and reminders go to the owner's address as it is when they are sent, not when they were planned.
    private const string Claim = """
        with due as (
          select id from messaging.messages
           where status in ('queued', 'sending') and next_attempt_at <= $1
           order by next_attempt_at
           limit $2
           for update skip locked)
        update messaging.messages m
           set status = 'sending', attempts = m.attempts + 1, next_attempt_at = $1 + $3, updated_at = $1,
               recipient = coalesce((select case when m.channel = 'email' then u.email else u.phone_number end
                                       from identity.users u where u.id = m.owner_id and m.booking_id is not null), m.recipient)
          from due
         where m.id = due.id
        returning m.id, m.clinic_id, m.owner_id, m.channel, m.template, m.purpose, m.booking_id, m.dedup_key, m.recipient, m.subject,
                  coalesce(m.body, ''), m.due_at, m.attempts, m.attachment_name, m.attachment_type, m.attachment,
                  m.whatsapp_template_sid, m.whatsapp_template_variables::text, m.appointment_start
        """;

    private const string NextDue = "select min(next_attempt_at) from messaging.messages where status in ('queued', 'sending')";

    /// <summary>Records <paramref name="outcomes"/>, claims up to <paramref name="limit"/> due messages and finds when the next one falls due.</summary>
    public async Task<(IReadOnlyList<ClaimedMessage> Claimed, DateTimeOffset? NextDue)> RecordAndClaimAsync(
        IReadOnlyList<Outcome> outcomes, int limit, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (outcomes.Count > 0)
            batch.BatchCommands.Add(RecordCommand(outcomes));
        var claim = new NpgsqlBatchCommand(Claim);
        claim.Parameters.AddWithValue(now);
        claim.Parameters.AddWithValue(limit);
        claim.Parameters.AddWithValue(lease);
        batch.BatchCommands.Add(claim);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(NextDue));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (outcomes.Count > 0)
            await reader.NextResultAsync(cancellationToken);
        var claimed = new List<ClaimedMessage>();
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedMessage(new QueuedMessage(reader.GetGuid(0), Nullable<Guid>(reader, 1), Nullable<Guid>(reader, 2), reader.GetString(3),
                reader.GetString(4), Text(reader, 5), Nullable<Guid>(reader, 6), Text(reader, 7), Text(reader, 8) ?? "", Text(reader, 9), reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11), AttachmentOf(reader), TemplateOf(reader),
                reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTimeOffset>(18)), reader.GetInt32(12)));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var nextDue = reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
        return (claimed, nextDue);
    }

    public async Task RecordAsync(IReadOnlyList<Outcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
            return;
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { RecordCommand(outcomes) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Run by a dispatcher that just took the lock: any message still 'sending' was claimed by one that stopped before
    /// recording how it went. It may or may not have gone; it goes back to the queue (at least once, never lost).
    /// </summary>
    public async Task<int> RequeueInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select id from messaging.messages where status = 'sending'", connection);
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetGuid(0));
        await RecordAsync(ids.Select(id => Outcome.Interrupted(id, now)).ToList(), cancellationToken);
        return ids.Count;
    }

    private static NpgsqlBatchCommand RecordCommand(IReadOnlyList<Outcome> outcomes)
    {
        var command = new NpgsqlBatchCommand(Record);
        command.Parameters.AddWithValue(outcomes.Select(o => o.Message).ToArray());
        command.Parameters.AddWithValue(outcomes.Select(o => o.Status).ToArray());
        command.Parameters.Add(TextArray(outcomes.Select(o => o.Provider)));
        command.Parameters.Add(TextArray(outcomes.Select(o => o.ProviderMessageId)));
        command.Parameters.Add(TextArray(outcomes.Select(o => o.ErrorCode)));
        command.Parameters.Add(TextArray(outcomes.Select(o => o.Error)));
        command.Parameters.Add(TextArray(outcomes.Select(o => o.SkipReason)));
        command.Parameters.AddWithValue(outcomes.Select(o => o.At).ToArray());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = outcomes.Select(o => o.NextAttemptAt).ToArray() });
        return command;
    }

    private static NpgsqlParameter TextArray(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static EmailAttachment? AttachmentOf(NpgsqlDataReader reader) => reader.IsDBNull(15)
        ? null
        : new EmailAttachment(reader.GetString(13), reader.GetString(14), reader.GetFieldValue<byte[]>(15));

    private static WhatsAppTemplate? TemplateOf(NpgsqlDataReader reader) => reader.IsDBNull(16)
        ? null
        : new WhatsAppTemplate(reader.GetString(16), System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(Text(reader, 17) ?? "{}")!);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
