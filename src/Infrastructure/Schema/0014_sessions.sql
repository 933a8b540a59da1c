-- One row per signed-in session, so that signing out ends that session on the server, not only in the browser that
-- held the cookie: a copied cookie dies with it. Rows older than a session's absolute lifetime are cleared at sign-in.
-- Accounts live in the identity schema, which EF Core migrates after these scripts, so no foreign key: the account's
-- erasure deletes its sessions.
create schema auth;
create table auth.sessions (
    id         uuid primary key,
    account_id uuid not null,
    started_at timestamptz not null,
    ended_at   timestamptz
);
create index sessions_by_account on auth.sessions (account_id);
