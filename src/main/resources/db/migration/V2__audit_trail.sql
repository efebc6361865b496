-- The audit trail is append-only: the database itself refuses updates, deletes and truncation,
-- so no application path (and no bug) can rewrite history.

create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz not null default clock_timestamp(),
    actor_user_id    uuid,
    actor_username   text,
    actor_agency_id  uuid,
    action           text not null,
    object_type      text,
    object_id        text,
    outcome          text not null check (outcome in ('ALLOWED', 'REFUSED', 'FAILED')),
    client_address   text,
    details          jsonb not null default '{}'::jsonb
);
create index audit_event_occurred_at on audit_event (occurred_at);
create index audit_event_actor on audit_event (lower(actor_username));
create index audit_event_object on audit_event (object_type, object_id);
create index audit_event_refused on audit_event (occurred_at) where outcome <> 'ALLOWED';

create function audit_event_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
