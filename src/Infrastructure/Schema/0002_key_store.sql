create schema key_store;

-- One key per data subject, outside the event streams. Destroying the key (erasure) leaves a tombstone,
-- so that no new key is silently made for a subject who was erased.
create table key_store.subject_keys (
    subject_id   text primary key,
    key          bytea,
    created_at   timestamptz not null default now(),
    destroyed_at timestamptz,
    constraint key_or_tombstone check ((key is null) = (destroyed_at is not null))
);
