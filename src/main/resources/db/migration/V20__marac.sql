-- MARAC: areas and their meeting pattern, referrals (restricted safe contact sealed), reviews, meetings,
-- research, discussion and action plans.

create table marac_area (
    id                     uuid primary key,
    name                   text not null unique,
    coordination_agency_id uuid not null references agency (id),
    police_agency_id       uuid not null references agency (id),
    idva_agency_id         uuid not null references agency (id),
    mash_agency_id         uuid references agency (id),
    meeting_weekday        int  not null default 2 check (meeting_weekday between 1 and 7),
    meeting_time           time not null default '10:00',
    interval_weeks         int  not null default 1 check (interval_weeks between 1 and 8),
    anchor_date            date not null default date '2026-01-06',
    case_limit             int  not null default 20 check (case_limit between 1 and 200),
    notice_working_days    int  not null default 5 check (notice_working_days between 0 and 30),
    agenda_working_days    int  not null default 5 check (agenda_working_days between 0 and 30),
    adult_female_population int check (adult_female_population > 0),
    expected_cases_per_year int check (expected_cases_per_year > 0),
    version                int  not null default 0
);

create table marac_area_member (
    area_id   uuid not null references marac_area (id),
    agency_id uuid not null references agency (id),
    primary key (area_id, agency_id)
);

create table marac_cancelled_date (
    area_id      uuid not null references marac_area (id),
    meeting_date date not null,
    primary key (area_id, meeting_date)
);

create table marac_meeting (
    id            uuid primary key,
    area_id       uuid not null references marac_area (id),
    meeting_date  date not null,
    starts_at     timestamptz not null,
    status        text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'HELD')),
    agenda_circulated_at timestamptz,
    version       int not null default 0,
    unique (area_id, meeting_date)
);

create table marac_referral (
    id                    uuid primary key,
    area_id               uuid not null references marac_area (id),
    case_id               uuid not null references dva_case (id),
    victim_person_id      uuid not null references person (id),
    referring_agency_id   uuid not null references agency (id),
    referred_by           uuid not null references app_user (id),
    referring_officer     text not null,
    received_at           timestamptz not null,
    criteria              text not null check (criteria in ('VISIBLE_HIGH_RISK', 'POTENTIAL_ESCALATION', 'PROFESSIONAL_JUDGEMENT')),
    assessment_id         uuid references risk_assessment (id),
    dash_yes_count        int,
    reason                text,
    victim_age            int not null check (victim_age >= 16),
    victim_aware          boolean not null,
    consent               text not null check (consent in ('GIVEN', 'REFUSED', 'NOT_SOUGHT')),
    lawful_basis          text not null,
    consent_rationale     text,
    sealed_safe_contact   bytea,
    who_else_knows        text[] not null default '{}',
    unborn_child          boolean not null default false,
    mappa_leads           boolean not null default false,
    repeat_referral       boolean not null default false,
    previous_referral_id  uuid references marac_referral (id),
    idva_user_id          uuid references app_user (id),
    review_due_at         timestamptz not null,
    status                text not null default 'RECEIVED'
                              check (status in ('RECEIVED', 'LISTED', 'HEARD', 'KEPT_OPEN', 'CLOSED')),
    meeting_id            uuid references marac_meeting (id),
    review_date           date,
    version               int not null default 0,
    -- Without consent the referral rests on another lawful basis, with the reason written down.
    check (consent = 'GIVEN' or (lawful_basis <> 'CONSENT' and consent_rationale is not null))
);
create index marac_referral_victim on marac_referral (victim_person_id, received_at);
create index marac_referral_area on marac_referral (area_id, received_at);

-- Perpetrators, children and other household members as the referral names them.
create table marac_referral_party (
    id            uuid primary key,
    referral_id   uuid not null references marac_referral (id),
    kind          text not null check (kind in ('PERSON_CAUSING_HARM', 'CHILD', 'OTHER_HOUSEHOLD_MEMBER')),
    name          text not null,
    date_of_birth date,
    unborn        boolean not null default false,
    mappa_level   int check (mappa_level between 1 and 3),
    position      int not null
);

-- Agencies given a copy of a referral (the MASH for an unborn child): they see it without restricted values.
create table marac_referral_copy (
    referral_id uuid not null references marac_referral (id),
    agency_id   uuid not null references agency (id),
    primary key (referral_id, agency_id)
);

create table marac_review (
    id               uuid primary key,
    referral_id      uuid not null references marac_referral (id),
    agency_id        uuid not null references agency (id),
    reviewed_by      uuid not null references app_user (id),
    reviewed_at      timestamptz not null default now(),
    immediate_action text,
    unique (referral_id, agency_id)
);

create table marac_research (
    id           uuid primary key,
    referral_id  uuid not null references marac_referral (id),
    agency_id    uuid not null references agency (id),
    recorded_by  uuid not null references app_user (id),
    recorded_at  timestamptz not null default now(),
    known        text not null,
    involvement  text not null,
    version      int not null default 0,
    unique (referral_id, agency_id)
);

create table marac_attendance (
    meeting_id uuid not null references marac_meeting (id),
    agency_id  uuid not null references agency (id),
    attendee   text not null,
    primary key (meeting_id, agency_id)
);

create table marac_discussion (
    referral_id  uuid not null references marac_referral (id),
    meeting_id   uuid not null references marac_meeting (id),
    notes        text not null,
    risks        text,
    recorded_by  uuid not null references app_user (id),
    recorded_at  timestamptz not null default now(),
    primary key (referral_id, meeting_id)
);

create table marac_action (
    id               uuid primary key,
    referral_id      uuid not null references marac_referral (id),
    meeting_id       uuid not null references marac_meeting (id),
    owning_agency_id uuid not null references agency (id),
    owner_name       text not null,
    description      text not null,
    due_date         date not null,
    status           text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    created_by       uuid not null references app_user (id),
    created_at       timestamptz not null default now(),
    version          int not null default 0
);
create index marac_action_owner on marac_action (owning_agency_id, status);
