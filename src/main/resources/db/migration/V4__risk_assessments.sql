-- Risk assessments: the DASH checklist (and its supplements, the children's matrix, the case facts
-- the decision rules need), saved as the practitioner goes and frozen when completed. A completed
-- assessment keeps the instrument version, the question wording and the result it was given, so it
-- can be shown exactly as it was after the instrument or the rules change.

create table risk_assessment (
    id                  uuid primary key,
    agency_id           uuid not null references agency (id),
    created_by          uuid not null references app_user (id),
    victim_reference    text not null check (length(trim(victim_reference)) between 1 and 200),
    status              text not null check (status in ('IN_PROGRESS', 'COMPLETED')),
    profile             text not null,
    instrument_id       text not null,
    instrument_version  text not null,
    facts               jsonb not null default '{}'::jsonb,
    answers             jsonb not null default '{}'::jsonb,
    supplements         jsonb not null default '{}'::jsonb,
    questions_snapshot  jsonb,
    result              jsonb,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    completed_at        timestamptz,
    completed_by        uuid references app_user (id),
    version             integer not null default 0,
    constraint completed_has_result check (status <> 'COMPLETED'
        or (result is not null and completed_at is not null and questions_snapshot is not null))
);
create index risk_assessment_agency on risk_assessment (agency_id, created_at desc);

-- What the practitioner decided about each recommended action. Declining a required action needs a
-- rationale (the procedures require a recorded rationale for any decision not to refer). Decisions are
-- never overwritten: a changed decision supersedes the old row, which stays as history.
create table risk_action_decision (
    id             bigint generated always as identity primary key,
    assessment_id  uuid not null references risk_assessment (id),
    action_code    text not null,
    child_index    integer not null default -1,
    decision       text not null check (decision in ('WILL_TAKE', 'WILL_NOT_TAKE')),
    rationale      text check (rationale is null or length(rationale) <= 4000),
    decided_by     uuid not null references app_user (id),
    decided_at     timestamptz not null default now(),
    superseded_at  timestamptz,
    constraint declined_needs_rationale check (decision = 'WILL_TAKE'
        or action_code = 'INFORMATION_AND_ADVICE_PERMITTED' or length(trim(coalesce(rationale, ''))) >= 10)
);
create unique index risk_action_decision_current
    on risk_action_decision (assessment_id, action_code, child_index) where superseded_at is null;
