-- Cases: the grouping around a victim (the people, incidents, assessments, the agencies involved and
-- the lead agency), and the unit of need-to-know: a user sees a person or incident beyond their own
-- agency's records only through a case their agency is involved in, an allocation, or break-glass.

create sequence case_reference_seq;

create table dva_case (
    id                uuid primary key,
    reference         text not null unique,
    victim_person_id  uuid not null references person (id),
    status            text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    lead_agency_id    uuid not null references agency (id),
    opened_at         timestamptz not null default now(),
    opened_by         uuid not null references app_user (id),
    closed_at         timestamptz,
    closed_by         uuid references app_user (id),
    closure_reason    text,
    version           integer not null default 0,
    check ((status = 'CLOSED') = (closed_at is not null))
);
-- One open case per victim record: a second incident joins the first case.
create unique index dva_case_one_open_per_victim on dva_case (victim_person_id) where status = 'OPEN';

create table case_person (
    case_id    uuid not null references dva_case (id),
    person_id  uuid not null references person (id),
    role       text not null check (role in ('VICTIM', 'PERSON_CAUSING_HARM', 'CHILD', 'OTHER_HOUSEHOLD_MEMBER',
                                             'WITNESS')),
    added_at   timestamptz not null default now(),
    added_by   uuid not null references app_user (id),
    primary key (case_id, person_id, role)
);
create index case_person_person on case_person (person_id);

create table case_incident (
    case_id      uuid not null references dva_case (id),
    incident_id  uuid not null references incident (id),
    added_at     timestamptz not null default now(),
    primary key (case_id, incident_id)
);
create index case_incident_incident on case_incident (incident_id);

-- Why an agency is involved, and whom it works with: an agency working with the person causing harm
-- only (a perpetrator programme, probation) never sees the victim's restricted details.
create table case_agency (
    id          uuid primary key,
    case_id     uuid not null references dva_case (id),
    agency_id   uuid not null references agency (id),
    basis       text not null check (basis in ('RECORDED', 'REFERRED', 'RESEARCH_REQUEST', 'ACTION_OWNER',
                                               'LEAD_AGENCY', 'MASH_TRIAGE', 'MARAC_REFERRAL')),
    works_with  text not null check (works_with in ('VICTIM', 'PERSON_CAUSING_HARM', 'CHILDREN', 'WHOLE_FAMILY')),
    added_at    timestamptz not null default now(),
    added_by    uuid not null references app_user (id),
    ended_at    timestamptz,
    ended_by    uuid references app_user (id)
);
create index case_agency_agency on case_agency (agency_id, case_id) where ended_at is null;
-- One current involvement per agency per case, whoever records it first.
create unique index case_agency_current on case_agency (case_id, agency_id) where ended_at is null;
create index case_agency_case on case_agency (case_id);

-- Allocated workers: named on the case, with need to know its restricted details (unless they work
-- with the person causing harm).
create table case_worker (
    id            uuid primary key,
    case_id       uuid not null references dva_case (id),
    user_id       uuid not null references app_user (id),
    works_with    text not null check (works_with in ('VICTIM', 'PERSON_CAUSING_HARM', 'CHILDREN', 'WHOLE_FAMILY')),
    allocated_at  timestamptz not null default now(),
    allocated_by  uuid not null references app_user (id),
    ended_at      timestamptz,
    ended_by      uuid references app_user (id)
);
create unique index case_worker_current on case_worker (case_id, user_id) where ended_at is null;
create index case_worker_user on case_worker (user_id) where ended_at is null;

-- Break-glass: time-limited access to a case without a relationship, with the reason given.
create table break_glass_access (
    id          uuid primary key,
    case_id     uuid not null references dva_case (id),
    user_id     uuid not null references app_user (id),
    reason      text not null check (length(trim(reason)) between 10 and 2000),
    granted_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    check (expires_at > granted_at)
);
create index break_glass_user on break_glass_access (user_id, case_id, expires_at);

-- Messages to users: a case's owners and an agency's safeguarding lead are told of break-glass access.
create table notification (
    id            uuid primary key,
    recipient_id  uuid not null references app_user (id),
    kind          text not null,
    case_id       uuid references dva_case (id),
    message       text not null,
    created_at    timestamptz not null default now(),
    read_at       timestamptz
);
create index notification_recipient on notification (recipient_id, created_at desc);

-- Every decision to share or not to share, with whom, what, on what basis and why (issue 7 §3).
create table share_decision (
    id              uuid primary key,
    case_id         uuid not null references dva_case (id),
    decision        text not null check (decision in ('SHARE', 'NOT_SHARE')),
    with_agency_id  uuid not null references agency (id),
    with_person     text,
    what            text not null check (length(trim(what)) between 1 and 2000),
    consent         text not null check (consent in ('GIVEN', 'REFUSED', 'NOT_SOUGHT')),
    lawful_basis    text check (lawful_basis in ('CONSENT', 'SIGNIFICANT_HARM_TO_CHILD', 'VITAL_INTERESTS',
                                                 'PUBLIC_TASK', 'PREVENTION_OF_CRIME', 'LEGAL_OBLIGATION')),
    rationale       text not null check (length(trim(rationale)) between 1 and 4000),
    who_else_knows  text[] not null default '{}',
    decided_by      uuid not null references app_user (id),
    decided_at      timestamptz not null default now(),
    check (decision = 'NOT_SHARE' or lawful_basis is not null),
    check (consent = 'GIVEN' or decision = 'NOT_SHARE' or lawful_basis <> 'CONSENT')
);
create index share_decision_case on share_decision (case_id, decided_at);

-- Disclosure provenance: who disclosed, to whom, and who else already knows (carried into shares).
alter table incident add column disclosed_by text check (disclosed_by is null or length(disclosed_by) <= 200);
alter table incident add column disclosed_to text check (disclosed_to is null or length(disclosed_to) <= 200);
alter table incident add column who_else_knows text[] not null default '{}';
-- Where it happened can be the victim's safe address: it can be restricted like any address.
alter table incident add column location_restricted boolean not null default false;

