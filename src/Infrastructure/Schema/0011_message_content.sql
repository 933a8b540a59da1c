-- What a message carries besides its text: an email's calendar file, a WhatsApp message's approved template (sent
-- instead of the text outside the 24-hour window), and the appointment start it was written for, so that a reminder
-- for a moved appointment is caught at send time. The attachment and the template's variables are personal data too.
alter table messaging.messages
    add column attachment_name             text,
    add column attachment_type             text,
    add column attachment                  bytea,
    add column whatsapp_template_sid       text,
    add column whatsapp_template_variables jsonb,
    add column appointment_start           timestamptz;

-- A Y or N answers the latest reminder sent to that number.
create index messages_reminders_by_recipient on messaging.messages (recipient, channel) where purpose is not null;

-- Statuses only move forward: a late "sent" never undoes "delivered", and a bounce after delivery still counts.
create function messaging.status_rank(status text) returns int language sql immutable as $$
    select case status
        when 'queued' then 0 when 'sending' then 1 when 'sent' then 2
        when 'delivered' then 3 when 'undelivered' then 3 when 'failed' then 3
        when 'bounced' then 4 when 'read' then 4 else 5 end
$$;

-- Messages owners sent us: what each did, once. Neither the text nor the number is kept; the owners are.
-- A WhatsApp message opens the 24-hour window in which free text may go instead of an approved template.
create table messaging.inbound_messages (
    message_sid text primary key,
    channel     text not null check (channel in ('sms', 'whatsapp')),
    owner_ids   uuid[] not null,
    action      text not null,
    booking_id  uuid,
    received_at timestamptz not null
);
create index inbound_messages_by_owner on messaging.inbound_messages using gin (owner_ids);
