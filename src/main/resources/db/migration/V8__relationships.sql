-- Relationships between people: the family around a victim, for the family chronology and for the
-- definitions that speak of intimate partners and family members.
create table person_relationship (
    id                  uuid primary key,
    person_id           uuid not null references person (id),
    related_person_id   uuid not null references person (id),
    -- What the related person is to the person: e.g. CHILD means related_person_id is person_id's child.
    kind                text not null check (kind in ('CURRENT_PARTNER', 'FORMER_PARTNER', 'PARENT', 'CHILD',
                                                      'SIBLING', 'OTHER_FAMILY_MEMBER', 'CARER')),
    recorded_by         uuid not null references app_user (id),
    recorded_at         timestamptz not null default now(),
    ended_at            timestamptz,
    check (person_id <> related_person_id)
);
create unique index person_relationship_current
    on person_relationship (person_id, related_person_id, kind) where ended_at is null;
create index person_relationship_related on person_relationship (related_person_id);
