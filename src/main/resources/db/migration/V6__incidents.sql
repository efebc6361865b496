-- Domestic abuse incidents, disclosures and notifications, with the people involved and their roles.
-- They make each person's chronology and the facts the decision rules need (incidents and police
-- call-outs in the last 12 months, escalation, serial and repeat perpetrators).

create table incident (
    id                        uuid primary key,
    occurred_on               date not null,
    location                  text check (location is null or length(location) <= 500),
    came_to_light             text not null check (came_to_light in ('POLICE_CALL_OUT', 'PROMPTED_DISCLOSURE',
                                  'UNPROMPTED_DISCLOSURE', 'THIRD_PARTY_REPORT')),
    abuse_types               text[] not null default '{}',
    severity                  text check (severity in ('MINOR', 'STANDARD', 'SERIOUS')),
    injuries                  boolean not null default false,
    weapon                    boolean not null default false,
    strangulation             boolean not null default false,
    sexual_violence           boolean not null default false,
    threats_to_kill           boolean not null default false,
    criminal_justice_outcome  text,
    narrative                 text check (narrative is null or length(narrative) <= 20000),
    reporting_agency_id       uuid not null references agency (id),
    reported_by               uuid not null references app_user (id),
    created_at                timestamptz not null default now(),
    version                   integer not null default 0
);
create index incident_agency on incident (reporting_agency_id, occurred_on desc);

create table incident_person (
    incident_id  uuid not null references incident (id) on delete cascade,
    person_id    uuid not null references person (id),
    role         text not null check (role in ('VICTIM', 'PERSON_CAUSING_HARM', 'CHILD', 'OTHER_HOUSEHOLD_MEMBER',
                                               'WITNESS')),
    -- For a child: what they saw or heard (present, saw, heard, not present).
    experience   text check (experience is null or experience in ('PRESENT', 'SAW', 'HEARD', 'NOT_PRESENT')),
    primary key (incident_id, person_id, role)
);
create index incident_person_person on incident_person (person_id, role);
