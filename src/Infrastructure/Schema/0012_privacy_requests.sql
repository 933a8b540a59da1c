-- Owners' requests to their clinic (access, correction, erasure), their steps, the access exports built for them and
-- the erasure reports that prove what was erased. None of it holds an owner's name or contact details: ids only.
create schema privacy;

create table privacy.requests (
    id                 uuid primary key,
    clinic_id          uuid not null references clinic.clinics (id),
    owner_id           uuid not null,
    kind               text not null check (kind in ('access', 'correction', 'erasure')),
    received_via       text not null,
    verification       text not null,
    details            text not null,
    received_at        timestamptz not null,
    due_at             timestamptz not null,
    extended_by_months int  not null check (extended_by_months between 0 and 2),
    extension_reason   text,
    status             text not null check (status in ('received', 'identity-verified', 'in-progress', 'completed', 'partly-refused')),
    handler_id         uuid,
    outcome            text,
    revision           bigint not null
);
create index requests_open_by_clinic on privacy.requests (clinic_id, due_at) where status not in ('completed', 'partly-refused');
create index requests_by_owner on privacy.requests (owner_id, received_at);

create table privacy.request_steps (
    request_id uuid not null references privacy.requests (id),
    at         timestamptz not null,
    by         text not null,
    what       text not null,
    note       text not null
);
create index request_steps_by_request on privacy.request_steps (request_id, at);

-- The export of an access request: built by a job (progress in sections), downloadable until it expires.
create table privacy.exports (
    request_id     uuid primary key references privacy.requests (id),
    status         text not null check (status in ('queued', 'building', 'ready', 'failed')),
    sections_done  int  not null default 0,
    sections_total int  not null default 0,
    json           text,
    html           text,
    queued_at      timestamptz not null,
    built_at       timestamptz,
    expires_at     timestamptz
);

create table privacy.erasure_reports (
    id         bigint generated always as identity primary key,
    request_id uuid not null references privacy.requests (id),
    at         timestamptz not null,
    by         text not null,
    report     jsonb not null
);
create index erasure_reports_by_request on privacy.erasure_reports (request_id, at);

-- Who was erased at which clinic, and which records went: projections rebuilt from the events skip what went.
create table privacy.erased_owners (
    clinic_id uuid not null,
    owner_id  uuid not null,
    erased_at timestamptz not null,
    removed   text[] not null,
    primary key (owner_id, clinic_id)
);

-- The records the clinic must keep by law where it practises, and for how long: what an erasure keeps, pseudonymised.
alter table clinic.clinics
    add column jurisdiction     text  not null default 'England and Wales',
    add column record_retention jsonb not null default '[
        {"category": "appointments", "years": 6, "law": "Limitation Act 1980: claims about veterinary care may be brought for six years; the RCVS Code expects clinical records kept for as long"},
        {"category": "consent", "years": 6, "law": "UK GDPR Article 7(1): the clinic must be able to show consent was given for each reminder it sent"},
        {"category": "access-log", "years": 6, "law": "UK GDPR Article 5(2): the clinic must be able to show who accessed personal data"}
    ]'::jsonb;
