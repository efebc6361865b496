-- Durable deadlines. db-scheduler's table (its PostgreSQL schema): each scheduled execution is a row,
-- picked by one instance at a time, so a deadline survives restarts and fires once with several instances.
create table scheduled_tasks (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- Work with an owner and a due time: a MASH triage, a school's acknowledgement, a MARAC review, an action.
-- Overdue work is escalated once, recorded, and shown to the owner's managers (and to another agency
-- where the procedure says so, e.g. an unacknowledged school notification goes to the MASH).
create table task (
    id                     uuid primary key,
    kind                   text not null check (kind ~ '^[A-Z][A-Z_]{1,60}$'),
    title                  text not null check (length(trim(title)) between 1 and 300),
    subject_type           text not null,
    subject_id             uuid not null,
    href                   text,
    case_id                uuid references dva_case (id),
    owner_agency_id        uuid not null references agency (id),
    owner_user_id          uuid references app_user (id),
    escalate_to_agency_id  uuid references agency (id),
    due_at                 timestamptz not null,
    urgent                 boolean not null default false,
    status                 text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
    created_at             timestamptz not null default now(),
    created_by             uuid references app_user (id),
    completed_at           timestamptz,
    completed_by           uuid references app_user (id),
    outcome                text,
    escalated_at           timestamptz,
    version                integer not null default 0,
    check ((status = 'OPEN') = (completed_at is null))
);
create index task_owner_open on task (owner_agency_id, due_at) where status = 'OPEN';
create index task_escalated_to_open on task (escalate_to_agency_id, due_at) where status = 'OPEN';
create index task_subject on task (subject_type, subject_id);

create table task_escalation (
    task_id                 uuid primary key references task (id),
    escalated_at            timestamptz not null default now(),
    escalated_to_agency_id  uuid references agency (id),
    reason                  text not null
);
