create schema event_store;

-- A stream is its events: the unique (stream_id, stream_revision) index is the optimistic concurrency check,
-- since an append writes the revisions it expects and a writer that lost a race collides there.
-- The global order is (transaction_id, sequence): readers only see events whose writing transaction is
-- older than every transaction still running, so a late commit can never slip in behind a reader.
create table event_store.events (
    transaction_id  xid8   not null default pg_current_xact_id(),
    sequence        bigint generated always as identity,
    event_id        uuid   not null,
    stream_id       text   not null,
    category        text   not null,
    stream_revision bigint not null,
    event_type      text   not null,
    data            json   not null,
    metadata        json   not null,
    created_at      timestamptz not null default now(),
    constraint events_pk primary key (transaction_id, sequence),
    constraint events_event_id_unique unique (event_id),
    constraint events_stream_revision_unique unique (stream_id, stream_revision)
);

create index events_by_category on event_store.events (category, transaction_id, sequence);
