-- An erasure from its first run until its request completes: what it looks for, sealed with a key of the request's own
-- (a run after a crash finds the details already shredded), and what each holder removed, which a run again adds to.
create table privacy.erasures_in_progress (
    request_id uuid primary key references privacy.requests (id),
    terms      text  not null,
    sections   jsonb not null default '{}'
);
