create schema event_store;

create table event_store.streams (
    stream_id text primary key,
    revision  bigint not null
);

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

-- Statuses: 0 appended, 1 wrong expected revision, 2 already appended (idempotent retry),
-- 3 some of the event ids are stored elsewhere.
create function event_store.append(
    p_stream text, p_category text, p_expected bigint,
    p_ids uuid[], p_types text[], p_data json[], p_metadata json[],
    out o_status int, out o_revision bigint, out o_commit xid8, out o_sequence bigint)
language plpgsql as $$
declare
    v_current bigint;
    v_existing int;
begin
    select count(*) into v_existing from event_store.events where event_id = any(p_ids);
    if v_existing > 0 then
        if v_existing = cardinality(p_ids)
           and not exists (select 1 from event_store.events where event_id = any(p_ids) and stream_id <> p_stream) then
            select stream_revision, transaction_id, sequence into o_revision, o_commit, o_sequence
              from event_store.events where event_id = any(p_ids) order by stream_revision desc limit 1;
            o_status := 2;
        else
            select revision into o_revision from event_store.streams where stream_id = p_stream;
            o_status := 3;
        end if;
        return;
    end if;

    insert into event_store.streams (stream_id, revision) values (p_stream, -1) on conflict do nothing;
    select revision into v_current from event_store.streams where stream_id = p_stream for update;

    if (p_expected = -1 and v_current <> -1)
       or (p_expected = -4 and v_current = -1)
       or (p_expected >= 0 and p_expected <> v_current) then
        o_status := 1;
        o_revision := v_current;
        return;
    end if;

    o_status := 0;
    o_revision := v_current + cardinality(p_ids);
    if cardinality(p_ids) = 0 then
        return;
    end if;

    insert into event_store.events (event_id, stream_id, category, stream_revision, event_type, data, metadata)
    select e.id, p_stream, p_category, v_current + e.n, e.type, e.data, e.metadata
      from unnest(p_ids, p_types, p_data, p_metadata) with ordinality as e(id, type, data, metadata, n);

    update event_store.streams set revision = o_revision where stream_id = p_stream;

    o_commit := pg_current_xact_id();
    select currval(pg_get_serial_sequence('event_store.events', 'sequence')) into o_sequence;
end;
$$;
