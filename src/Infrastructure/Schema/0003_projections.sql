create schema projections;

create table projections.checkpoints (
    name             text primary key,
    commit_position  bigint not null,
    prepare_position bigint not null,
    updated_at       timestamptz not null default now()
);
