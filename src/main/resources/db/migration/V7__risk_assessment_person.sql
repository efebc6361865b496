-- A risk assessment can be about a person record, so the facts derived from every agency's linked
-- records (incidents and call-outs in the last 12 months, escalation) feed it instead of being typed.
alter table risk_assessment add column person_id uuid references person (id);
create index risk_assessment_person on risk_assessment (person_id) where person_id is not null;
