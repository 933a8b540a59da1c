-- Every message VetOS sends, one row each, from queued to its latest provider status: the delivery log's
-- messages. Recipient, subject and body are personal data: erasure clears them, and the retention purge
-- deletes whole rows once the clinic's retention period has passed.
create table messaging.messages (
    id                  uuid primary key,
    clinic_id           uuid,                 -- null for account emails that belong to no clinic (a password reset)
    owner_id            uuid,                 -- the account the message is for
    channel             text not null check (channel in ('email', 'sms', 'whatsapp')),
    template            text not null,
    purpose             text,                 -- the consent purpose it needs (reminders); null for service messages
    booking_id          uuid,
    dedup_key           text unique,          -- one message per key, however often it is queued
    recipient           text,
    subject             text,
    body                text,
    due_at              timestamptz not null,
    status              text not null default 'queued'
                        check (status in ('queued', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'undelivered', 'read', 'skipped')),
    skip_reason         text,
    attempts            int not null default 0,
    next_attempt_at     timestamptz not null, -- while 'sending': when the dispatcher's lease on it runs out
    provider            text,
    provider_message_id text,
    created_at          timestamptz not null,
    sent_at             timestamptz,
    updated_at          timestamptz not null
);
create index messages_due on messaging.messages (next_attempt_at) where status in ('queued', 'sending');
create unique index messages_by_provider_id on messaging.messages (provider, provider_message_id) where provider_message_id is not null;
create index messages_by_clinic on messaging.messages (clinic_id, created_at);
-- The retention purge: finished messages by their latest activity.
create index messages_finished on messaging.messages (clinic_id, updated_at) where status not in ('queued', 'sending');
create index messages_by_owner on messaging.messages (owner_id, created_at);
create index messages_by_booking on messaging.messages (booking_id) where booking_id is not null;

-- Each attempt and each status a provider reports, in order. A webhook's own id makes a replay change nothing.
create table messaging.delivery_log (
    id                  bigint generated always as identity primary key,
    message_id          uuid not null references messaging.messages (id) on delete cascade,
    clinic_id           uuid,
    attempt             int not null,
    status              text not null,
    provider            text,
    provider_message_id text,
    error_code          text,
    error               text,
    at                  timestamptz not null,
    webhook_id          text unique
);
create index delivery_log_by_message on messaging.delivery_log (message_id, id);
create index delivery_log_by_clinic on messaging.delivery_log (clinic_id, at);

-- What each retention purge removed: counts and times, no personal data. A null clinic stands for account
-- emails of no clinic (password resets), kept for the default retention.
create table audit.delivery_log_purges (
    id        bigint generated always as identity primary key,
    clinic_id uuid,
    purged_at timestamptz not null,
    messages  int not null,
    oldest    timestamptz not null,
    newest    timestamptz not null
);
create index delivery_log_purges_by_clinic on audit.delivery_log_purges (clinic_id, purged_at);

-- Each clinic's messaging policy: how long the delivery log is kept, when reminders go, and when never.
alter table clinic.clinics
    add column delivery_log_retention interval not null default interval '90 days',
    add column reminder_offsets       interval[] not null default array[interval '24 hours'],
    add column quiet_hours_start      time not null default time '21:00',
    add column quiet_hours_end        time not null default time '08:00';
