create schema messaging;

-- Messages the local outbox sender kept instead of handing them to a provider (development and the demo).
create table messaging.outbox (
    id         uuid primary key,
    channel    text not null,
    recipient  text not null,
    subject    text not null,
    body       text not null,
    template   text not null,
    created_at timestamptz not null default now()
);
create index outbox_by_recipient on messaging.outbox (recipient, created_at);
