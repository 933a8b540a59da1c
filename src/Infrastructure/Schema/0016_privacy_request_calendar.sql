-- The clinic's time zone a request was received in: its month is counted on that calendar. Requests received before it
-- was recorded were counted in UTC, and stay so.
alter table privacy.requests add column time_zone text not null default 'UTC';
