using System.Text.Json;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging;

/// <summary>A queued message as a row of <c>messaging.messages</c>; one with a dedup key already there is not queued again.</summary>
public static class MessageRows
{
    /// <summary>A message and its first delivery-log entry, in one statement; a dedup key seen before queues nothing.</summary>
    public const string Insert = """
        with m as (
          insert into messaging.messages
              (id, clinic_id, owner_id, channel, template, purpose, booking_id, dedup_key, recipient, subject, body, due_at, next_attempt_at,
               created_at, updated_at, attachment_name, attachment_type, attachment, whatsapp_template_sid, whatsapp_template_variables, appointment_start)
          values ($1, $2::uuid, $3::uuid, $4, $5, $6::text, $7::uuid, $8::text, $9, $10::text, $11, $12, $12,
                  $13, $13, $14::text, $15::text, $16::bytea, $17::text, $18::jsonb, $19::timestamptz)
          on conflict do nothing
          returning id, clinic_id)
        insert into messaging.delivery_log (message_id, clinic_id, attempt, status, at)
        select id, clinic_id, 0, 'queued', $13 from m
        """;

    /// <summary>Wakes dispatchers wherever they run, once the queuing transaction commits.</summary>
    public const string Notify = $"select pg_notify('{MessageSignal.Channel}', '')";

    public static object?[] Parameters(QueuedMessage m, DateTimeOffset now) =>
    [
        m.Id, m.Clinic, m.Owner, m.Channel, m.Template, m.Purpose, m.Booking, m.DedupKey, m.Recipient, m.Subject, m.Body,
        m.DueAt, now, m.Attachment?.Name, m.Attachment?.ContentType, m.Attachment?.Content, m.WhatsAppTemplate?.ContentSid,
        m.WhatsAppTemplate is { } t ? JsonSerializer.Serialize(t.Variables) : null, m.AppointmentStart,
    ];

    /// <summary>Drops a booking's reminders that have not gone yet, recording why in the delivery log.</summary>
    public const string DropReminders = """
        with dropped as (
            update messaging.messages set status = 'skipped', skip_reason = $2, updated_at = $3
             where booking_id = $1 and purpose is not null and status = 'queued'
            returning id, clinic_id, attempts)
        insert into messaging.delivery_log (message_id, clinic_id, attempt, status, error, at)
        select id, clinic_id, attempts, 'skipped', $2, $3 from dropped
        """;
}
