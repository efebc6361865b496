-- Issue 4, the rest of the person record: each agency's own references to a person (a crime number, a
-- social care ID, a hospital number), households over time, and the DASH assessment made for an incident.

create table person_reference (
    id           uuid primary key,
    person_id    uuid not null references person (id) on delete cascade,
    agency_id    uuid not null references agency (id),
    reference    text not null check (length(trim(reference)) between 1 and 50),
    recorded_by  uuid not null references app_user (id),
    recorded_at  timestamptz not null default now()
);
create unique index person_reference_once on person_reference (person_id, agency_id, reference);
-- An agency finds its own record from its own reference.
create index person_reference_lookup on person_reference (agency_id, reference);

-- Who lives together, with the dates: the family chronology and the children in a household come from it.
create table household (
    id                     uuid primary key,
    recorded_by_agency_id  uuid not null references agency (id),
    created_at             timestamptz not null default now()
);

create table household_member (
    id           uuid primary key,
    household_id uuid not null references household (id),
    person_id    uuid not null references person (id),
    from_date    date,
    to_date      date,
    recorded_by  uuid not null references app_user (id),
    recorded_at  timestamptz not null default now(),
    check (to_date is null or from_date is null or to_date >= from_date)
);
create unique index household_member_current on household_member (household_id, person_id) where to_date is null;
create index household_member_person on household_member (person_id);

-- A DASH assessment completed for an incident (the police officer's DASH at the call-out, say).
alter table risk_assessment add column incident_id uuid references incident (id);
create index risk_assessment_incident on risk_assessment (incident_id) where incident_id is not null;
