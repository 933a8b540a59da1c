create extension if not exists btree_gist;

-- Clinic setup the booking rules read; plain relational data that clinic admins edit.
alter table clinic.clinics
    add column minimum_lead_time   interval not null default interval '2 hours',
    add column buffer              interval not null default interval '10 minutes',
    add column booking_horizon     interval not null default interval '60 days',
    add column cancellation_window interval not null default interval '24 hours';

create table clinic.opening_hours (
    clinic_id uuid not null references clinic.clinics (id) on delete cascade,
    weekday   int  not null check (weekday between 0 and 6), -- 0 = Sunday
    opens     time not null,
    closes    time not null check (opens < closes),
    primary key (clinic_id, weekday, opens)
);

create table clinic.resources (
    id        uuid primary key,
    clinic_id uuid not null references clinic.clinics (id) on delete cascade,
    name      text not null,
    kind      text not null check (kind in ('vet', 'room'))
);

create table clinic.appointment_types (
    id                        uuid primary key,
    clinic_id                 uuid not null references clinic.clinics (id) on delete cascade,
    name                      text not null,
    duration                  interval not null check (duration > interval '0'),
    species                   text[] not null,
    owners_may_book_directly  boolean not null
);

create table clinic.appointment_type_resources (
    appointment_type_id uuid not null references clinic.appointment_types (id) on delete cascade,
    resource_id         uuid not null references clinic.resources (id) on delete cascade,
    primary key (appointment_type_id, resource_id)
);

-- A closure of the whole clinic (no resource) or a blocked time of one resource.
create table clinic.blocked_times (
    id          uuid primary key,
    clinic_id   uuid not null references clinic.clinics (id) on delete cascade,
    resource_id uuid references clinic.resources (id) on delete cascade,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null check (starts_at < ends_at),
    reason      text not null default ''
);

-- Owners' pets and clinic memberships, until accounts bring their own.
create schema owners;

create table owners.clinic_clients (
    clinic_id uuid not null references clinic.clinics (id) on delete cascade,
    owner_id  uuid not null,
    primary key (owner_id, clinic_id)
);

create table owners.pets (
    id       uuid primary key,
    owner_id uuid not null,
    name     text not null,
    species  text not null
);

create schema booking;

-- The slots live appointments hold, buffer included. Written in the same transaction as the booking's
-- events: the exclusion constraint is what makes a double booking impossible, however many race.
create table booking.slot_holds (
    booking_id  uuid primary key,
    clinic_id   uuid not null,
    resource_id uuid not null,
    held        tstzrange not null,
    constraint one_appointment_at_a_time exclude using gist (resource_id with =, held with &&)
);
create index slot_holds_by_clinic on booking.slot_holds using gist (clinic_id, held);

-- The appointments read model, built by the appointments projection.
create table booking.appointments (
    id                  uuid primary key,
    clinic_id           uuid not null,
    owner_id            uuid not null,
    pet_id              uuid not null,
    appointment_type_id uuid not null,
    resource_id         uuid not null,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    status              text not null,
    revision            bigint not null,
    changed_at          timestamptz not null,
    changed_by          text not null
);
create index appointments_by_owner on booking.appointments (owner_id, starts_at);
create index appointments_by_clinic on booking.appointments (clinic_id, starts_at);
