-- Owners' conversations with their clinic: one thread per (clinic, owner) and its messages, written in the same
-- transaction as the conversation's events. Bodies are the owner's personal data: erasure deletes these rows, and
-- the events' sealed copies are shredded with the owner's key.
create schema conversations;

create table conversations.threads (
    clinic_id       uuid not null references clinic.clinics (id),
    owner_id        uuid not null,
    awaiting_since  timestamptz,
    last_message_at timestamptz not null,
    last_from       text not null check (last_from in ('owner', 'clinic')),
    primary key (clinic_id, owner_id)
);
create index threads_awaiting on conversations.threads (clinic_id, awaiting_since) where awaiting_since is not null;
create index threads_by_owner on conversations.threads (owner_id);

create table conversations.messages (
    id                uuid primary key,
    clinic_id         uuid not null,
    owner_id          uuid not null,
    written_by        text not null check (written_by in ('owner', 'clinic')),
    staff_id          uuid,
    body              text not null,
    about_pet         uuid,
    about_appointment uuid,
    written_at        timestamptz not null,
    read_by_clinic_at timestamptz,
    foreign key (clinic_id, owner_id) references conversations.threads (clinic_id, owner_id)
);
create index messages_by_thread on conversations.messages (clinic_id, owner_id, written_at);
