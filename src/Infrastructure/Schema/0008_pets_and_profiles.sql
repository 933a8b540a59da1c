-- Owners keep their pets and contact details as events in their stream owner-{id}. Booking reads only what it
-- needs from here, written in the same transaction as the events: whose pet it is, its species, its name (the
-- appointments list shows it) and whether it is archived. Contact details stay on the account (identity.users).
alter table owners.pets add column archived_at timestamptz;

create index pets_by_owner on owners.pets (owner_id);

-- Staff find their clinic's clients.
create index clinic_clients_by_clinic on owners.clinic_clients (clinic_id);
