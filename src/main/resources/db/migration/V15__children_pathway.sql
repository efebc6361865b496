-- The children's pathway: police notifications of domestic incidents with children, MASH triage and the
-- threshold decision, strategy discussions and school notifications (Operation Encompass / SDAT).

-- A school or nursery is an EDUCATION agency; its day starts at a set time on its school days, and it is
-- closed on bank holidays and in its own holidays. The key adult receives notifications.
create table school (
    agency_id          uuid primary key references agency (id),
    key_adult_user_id  uuid references app_user (id),
    day_starts_at      time not null default '08:30',
    school_days        text not null default 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY'
        check (school_days ~ '^(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(,(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))*$'),
    version            integer not null default 0,
    updated_at         timestamptz not null default now(),
    updated_by         uuid references app_user (id)
);

create table school_closure (
    id                uuid primary key,
    school_agency_id  uuid not null references school (agency_id),
    first_day         date not null,
    last_day          date not null,
    name              text not null check (length(trim(name)) between 1 and 200),
    added_by          uuid references app_user (id),
    added_at          timestamptz not null default now(),
    check (last_day >= first_day)
);
create index school_closure_days on school_closure (school_agency_id, first_day, last_day);

create sequence police_notification_reference_seq;

-- What the attending officer sends: the incident (already recorded, with its people), the children with
-- what each saw or heard, the DASH and its result, and the rules' result frozen at submission.
create table police_notification (
    id                        uuid primary key,
    reference                 text not null unique,
    incident_id               uuid not null unique references incident (id),
    case_id                   uuid not null references dva_case (id),
    victim_person_id          uuid not null references person (id),
    agency_id                 uuid not null references agency (id),
    submitted_by              uuid not null references app_user (id),
    submitted_at              timestamptz not null,
    profile                   text not null,
    risk_assessment_id        uuid references risk_assessment (id),
    risk_level                text check (risk_level in ('STANDARD', 'MEDIUM', 'HIGH')),
    dash_yes_count            integer,
    criminal_justice_outcome  text,
    victim_pregnant           boolean not null,
    perpetrator_mappa_level   integer not null default 0 check (perpetrator_mappa_level between 0 and 3),
    household                 jsonb not null,
    evaluation                jsonb not null
);
create index police_notification_agency on police_notification (agency_id, submitted_at desc);

create table notification_child (
    id                       uuid primary key,
    notification_id          uuid not null references police_notification (id),
    position                 integer not null,
    person_id                uuid references person (id),
    display_name             text not null,
    unborn                   boolean not null default false,
    age_years                integer check (age_years between 0 and 17),
    lives_in_household       boolean not null,
    experience               text check (experience in ('PRESENT', 'SAW', 'HEARD', 'NOT_PRESENT')),
    demeanour                text check (length(demeanour) <= 4000),
    risks                    text check (length(risks) <= 4000),
    history_seen             text check (length(history_seen) <= 4000),
    harmed                   boolean not null default false,
    witnessed_serious_harm   boolean not null default false,
    in_violent_relationship  boolean not null default false,
    school_agency_id         uuid references agency (id),
    support_suggested        text check (length(support_suggested) <= 2000),
    unique (notification_id, position),
    check (unborn or person_id is not null),
    check (not unborn or school_agency_id is null)
);

-- Triage (SOL domestic abuse triage, decision-rules D4): the route, the due time, and the threshold decision.
create table mash_triage (
    notification_id                   uuid primary key references police_notification (id),
    route                             text not null check (route in ('MASH_URGENT', 'CASEWORKER', 'PANEL')),
    route_reason                      text not null,
    caseworker_user_id                uuid references app_user (id),
    urgent                            boolean not null,
    due_at                            timestamptz not null,
    recommended_outcome               text not null,
    information_and_advice_permitted  boolean not null,
    status                            text not null default 'AWAITING_DECISION'
        check (status in ('AWAITING_DECISION', 'DECIDED')),
    outcome                           text check (outcome in ('INFORMATION_AND_ADVICE', 'SINGLE_AGENCY_SUPPORT',
        'LEAD_PROFESSIONAL_FAMILY_SUPPORT', 'CHILD_IN_NEED_ASSESSMENT', 'STRATEGY_DISCUSSION')),
    lead_agency_id                    uuid references agency (id),
    rationale                         text check (length(rationale) <= 4000),
    lower_outcome_rationale           text check (length(lower_outcome_rationale) <= 4000),
    decided_by                        uuid references app_user (id),
    decided_at                        timestamptz,
    version                           integer not null default 0,
    check (status = 'AWAITING_DECISION' or (outcome is not null and lead_agency_id is not null
        and rationale is not null and decided_by is not null and decided_at is not null)),
    -- Information and advice only is allowed only when rule C4 permitted it (WM-2.24).
    check (outcome is distinct from 'INFORMATION_AND_ADVICE' or information_and_advice_permitted)
);
create index mash_triage_awaiting on mash_triage (due_at) where status = 'AWAITING_DECISION';

-- What each agency holds on the family, entered by its representative for the triage panel.
create table triage_agency_information (
    id               uuid primary key,
    notification_id  uuid not null references mash_triage (notification_id),
    agency_id        uuid not null references agency (id),
    entered_by       uuid not null references app_user (id),
    entered_at       timestamptz not null default now(),
    information      text not null check (length(trim(information)) between 1 and 8000)
);
create index triage_agency_information_notification on triage_agency_information (notification_id, entered_at);

create table strategy_discussion (
    id                  uuid primary key,
    notification_id     uuid not null unique references police_notification (id),
    case_id             uuid not null references dva_case (id),
    owner_agency_id     uuid not null references agency (id),
    reasons             text[] not null,
    rules               text[] not null,
    agencies_to_involve uuid[] not null,
    status              text not null default 'TO_BE_HELD' check (status in ('TO_BE_HELD', 'HELD')),
    due_at              timestamptz not null,
    held_on             date,
    attended            text check (length(attended) <= 4000),
    section_47          boolean,
    actions             text check (length(actions) <= 8000),
    notes               text check (length(notes) <= 8000),
    recorded_by         uuid references app_user (id),
    recorded_at         timestamptz,
    version             integer not null default 0,
    check (status = 'TO_BE_HELD' or (held_on is not null and section_47 is not null and recorded_by is not null))
);

-- What a school's key adult is told: that an incident happened, when, whether the child was there, and
-- what support may help. Never the victim's address or the account.
create table school_notification (
    id                uuid primary key,
    notification_id   uuid not null references police_notification (id),
    child_id          uuid not null unique references notification_child (id),
    school_agency_id  uuid not null references agency (id),
    due_at            timestamptz not null,
    status            text not null default 'AWAITING_ACKNOWLEDGEMENT'
        check (status in ('AWAITING_ACKNOWLEDGEMENT', 'ACKNOWLEDGED')),
    acknowledged_by   uuid references app_user (id),
    acknowledged_at   timestamptz,
    check ((status = 'ACKNOWLEDGED') = (acknowledged_at is not null))
);
create index school_notification_school on school_notification (school_agency_id, due_at);
