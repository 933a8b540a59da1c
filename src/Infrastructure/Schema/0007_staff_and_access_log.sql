-- What a clinic tells its clients and the authorities: where it is and whom to contact about their data.
alter table clinic.clinics
    add column address            text not null default '',
    add column contact_email      text not null default '',
    add column contact_phone      text not null default '',
    add column grievance_contact  text not null default '';

-- Staff belong to one clinic, in one role. Their names and sign-in details live with the account.
create table clinic.staff (
    account_id uuid primary key,
    clinic_id  uuid not null references clinic.clinics (id),
    role       text not null check (role in ('receptionist', 'vet', 'clinic_admin', 'auditor')),
    added_at   timestamptz not null default now()
);
create index staff_by_clinic on clinic.staff (clinic_id);

create schema platform;

create table platform.operators (
    account_id uuid primary key,
    added_at   timestamptz not null default now()
);

create schema audit;

-- Every read of an owner's personal data by staff or auditors. Ids only: the log itself names no one.
create table audit.access_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    clinic_id   uuid not null,
    reader_id   uuid not null,
    reader_role text not null,
    owner_id    uuid not null,
    record      text not null
);
create index access_log_by_owner on audit.access_log (clinic_id, owner_id, at);
create index access_log_by_reader on audit.access_log (clinic_id, reader_id, at);
create index access_log_by_time on audit.access_log (clinic_id, at);

-- One account may be a client of several clinics; each relationship starts somewhere.
alter table owners.clinic_clients add column since timestamptz not null default now();
