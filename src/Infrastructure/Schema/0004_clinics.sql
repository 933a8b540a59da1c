create schema clinic;

create table clinic.clinics (
    id         uuid primary key,
    slug       text not null unique,
    name       text not null,
    time_zone  text not null,
    created_at timestamptz not null default now()
);
