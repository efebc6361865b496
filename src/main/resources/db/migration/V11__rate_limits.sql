-- Rate-limit counters shared by every application instance: one row per limited thing (a client
-- address for sign-in, a user for record matching) per fixed time window, incremented with an
-- atomic upsert. Rows are worthless once their window has ended and are deleted regularly.
create table rate_limit_counter (
    scope         text not null check (scope ~ '^[a-z][a-z0-9-]{0,39}$'),
    subject       text not null check (length(subject) between 1 and 200),
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    hits          integer not null check (hits >= 0),
    primary key (scope, subject, window_start),
    check (window_end > window_start)
);
create index rate_limit_counter_window_end on rate_limit_counter (window_end);
