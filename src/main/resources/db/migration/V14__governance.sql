-- Information governance (issue 7 §4-5): subject access exports given to data subjects, and the retention
-- review queue. Nothing here holds personal data: ids, rules, dates and who decided.

-- Every subject access export is a disclosure to the data subject: who made it, for which record, when,
-- in which format, and how much was redacted or withheld.
create table subject_access_disclosure (
    id               uuid primary key,
    person_id        uuid not null references person (id),
    format           text not null check (format in ('JSON', 'PDF')),
    disclosed_by     uuid not null references app_user (id),
    agency_id        uuid not null references agency (id),
    disclosed_at     timestamptz not null default now(),
    redacted_items   integer not null check (redacted_items >= 0),
    withheld_items   integer not null check (withheld_items >= 0)
);
create index subject_access_disclosure_person on subject_access_disclosure (person_id, disclosed_at desc);

-- Records whose retention period has ended, listed by the scheduled review. A record is anonymised only
-- after a recorded decision (ANONYMISE) by a safeguarding lead or an administrator, with a rationale; KEEP
-- defers the next review. The row stays as the stub of what was anonymised, when, by whom, under which rule.
create table retention_review (
    id            uuid primary key,
    record_type   text not null check (record_type in ('CASE', 'PERSON')),
    record_id     uuid not null,
    rule          text not null check (length(rule) between 1 and 100),
    due_on        date not null,
    listed_at     timestamptz not null default now(),
    status        text not null default 'DUE' check (status in ('DUE', 'ANONYMISED', 'KEPT')),
    decided_by    uuid references app_user (id),
    decided_at    timestamptz,
    rationale     text check (rationale is null or length(trim(rationale)) between 1 and 4000),
    keep_until    date,
    version       integer not null default 0,
    check ((status = 'DUE') = (decided_at is null)),
    check (status = 'DUE' or (decided_by is not null and rationale is not null)),
    check ((status = 'KEPT') = (keep_until is not null))
);
-- At most one open review per record.
create unique index retention_review_open on retention_review (record_type, record_id) where status = 'DUE';
create index retention_review_record on retention_review (record_type, record_id);
