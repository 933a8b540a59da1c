create schema consent;

-- The purposes a clinic asks consent for, and the channels it offers each on.
create table consent.purposes (
    clinic_id   uuid not null references clinic.clinics (id) on delete cascade,
    purpose     text not null check (purpose ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null,
    channels    text[] not null check (channels <@ array['email', 'sms', 'whatsapp']),
    created_at  timestamptz not null default now(),
    primary key (clinic_id, purpose)
);

-- Every version of the wording owners read before agreeing. Versions are never edited, only added.
create table consent.notices (
    clinic_id    uuid not null,
    purpose      text not null,
    version      int  not null check (version > 0),
    wording      text not null,
    hash         text not null, -- SHA-256 of the wording, hex
    material     boolean not null,
    published_at timestamptz not null,
    published_by text not null,
    primary key (clinic_id, purpose, version),
    foreign key (clinic_id, purpose) references consent.purposes (clinic_id, purpose) on delete cascade
);

-- Every clinic asks for appointment reminders by email, SMS and WhatsApp, with a first wording it may replace.
create function consent.add_default_purposes(clinic uuid, since timestamptz) returns void language sql as $$
    insert into consent.purposes (clinic_id, purpose, name, channels)
    values (clinic, 'appointment-reminders', 'Appointment reminders', array['email', 'sms', 'whatsapp']);
    insert into consent.notices (clinic_id, purpose, version, wording, hash, material, published_at, published_by)
    select clinic, 'appointment-reminders', 1, w, encode(sha256(convert_to(w, 'UTF8')), 'hex'), true, since, 'vetos'
      from (values (
        'We would like to remind you of your pets'' appointments shortly before they happen. Choose the channels you want: '
        || 'email, SMS or WhatsApp. We send reminders only on the channels you switch on, and you can switch any of them off '
        || 'at any time on this page, by asking us, or by replying STOP to an SMS.')) as t(w);
$$;

create function consent.clinic_added() returns trigger language plpgsql as $$
begin
    perform consent.add_default_purposes(new.id, new.created_at);
    return new;
end $$;

create trigger clinics_get_default_purposes after insert on clinic.clinics
    for each row execute function consent.clinic_added();

select consent.add_default_purposes(id, created_at) from clinic.clinics;

-- Consent as periods, written in the same transaction as the consent events, so that a withdrawal holds before
-- the next message goes out. Rebuildable from the events (the consent streams are the record).
create table consent.periods (
    clinic_id        uuid not null,
    owner_id         uuid not null,
    purpose          text not null,
    channel          text not null,
    notice_version   int,
    granted_at       timestamptz not null,
    granted_source   text not null,
    granted_by       text not null,
    withdrawn_at     timestamptz,
    withdrawn_source text,
    withdrawn_by     text,
    primary key (owner_id, clinic_id, purpose, channel, granted_at)
);
create index periods_current on consent.periods (clinic_id, purpose, channel) where withdrawn_at is null;
create index periods_by_clinic_grant on consent.periods (clinic_id, granted_at);
create index periods_by_clinic_withdrawal on consent.periods (clinic_id, withdrawn_at) where withdrawn_at is not null;
