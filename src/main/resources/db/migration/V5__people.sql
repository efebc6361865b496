-- People as agencies record them, and the keys that let Waymark find the same person across agencies
-- despite typos, nicknames, changed surnames and swapped dates (issue 4).

create table person (
    id                          uuid primary key,
    given_name                  text,
    middle_names                text,
    family_name                 text,
    preferred_name              text,
    date_of_birth               date,
    estimated_age_years         integer check (estimated_age_years between 0 and 130),
    sex                         text check (sex in ('FEMALE', 'MALE', 'NOT_KNOWN')),
    gender_identity             text,
    ethnicity                   text,
    disability                  text,
    sexual_orientation          text,
    religion                    text,
    first_language              text,
    interpreter_needed          boolean,
    immigration_status          text,
    no_recourse_to_public_funds boolean,
    nhs_number                  text check (nhs_number ~ '^[0-9]{10}$'),
    police_national_id          text,
    recorded_by_agency_id       uuid not null references agency (id),
    recorded_by                 uuid not null references app_user (id),
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    version                     integer not null default 0,
    constraint person_has_a_name check (coalesce(given_name, family_name, preferred_name) is not null)
);
create index person_recorded_by_agency on person (recorded_by_agency_id);
create index person_nhs_number on person (nhs_number) where nhs_number is not null;

-- Previous names (a married surname) and aliases.
create table person_other_name (
    id           uuid primary key,
    person_id    uuid not null references person (id) on delete cascade,
    kind         text not null check (kind in ('PREVIOUS', 'ALIAS')),
    given_name   text,
    family_name  text,
    check (coalesce(given_name, family_name) is not null)
);
create index person_other_name_person on person_other_name (person_id);

-- Addresses over time. A restricted address (a refuge, a safe address) is never shown to anyone
-- without need to know, and never used in match reasons.
create table person_address (
    id          uuid primary key,
    person_id   uuid not null references person (id) on delete cascade,
    address     text not null,
    postcode    text,
    from_date   date,
    to_date     date,
    restricted  boolean not null default false,
    check (to_date is null or from_date is null or to_date >= from_date)
);
create index person_address_person on person_address (person_id);

create table person_contact (
    id          uuid primary key,
    person_id   uuid not null references person (id) on delete cascade,
    kind        text not null check (kind in ('PHONE', 'EMAIL')),
    value       text not null,
    restricted  boolean not null default false
);
create index person_contact_person on person_contact (person_id);

-- Blocking keys for online matching: small, selective keys per person, looked up by index. Every
-- application instance reads the same table, so matching is correct with several instances.
create table person_match_key (
    match_key  text not null,
    person_id  uuid not null references person (id) on delete cascade,
    primary key (match_key, person_id)
);
create index person_match_key_person on person_match_key (person_id);

-- Decisions that two records are (or are not) the same person. Undoing keeps the row.
create table person_link (
    id          uuid primary key,
    person_a    uuid not null references person (id),
    person_b    uuid not null references person (id),
    decision    text not null check (decision in ('SAME_PERSON', 'NOT_SAME_PERSON')),
    score       double precision,
    decided_by  uuid not null references app_user (id),
    decided_at  timestamptz not null default now(),
    undone_by   uuid references app_user (id),
    undone_at   timestamptz,
    check (person_a < person_b)
);
create unique index person_link_current on person_link (person_a, person_b) where undone_at is null;
create index person_link_b on person_link (person_b) where undone_at is null;
