package org.waymark.cases.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.AgencyType;
import org.waymark.platform.Actor;
import org.waymark.platform.NeedToKnow;

/**
 * The access model (issue 7 §1-2). A person record is visible to the agency that recorded it and, through
 * any case the person is part of, to the agencies involved in it, its allocated workers and anyone with a
 * current break-glass grant. Restricted values are for the recorder and the workers allocated to a case
 * centred on this person (as victim, or a child in it), and never for anyone on the side of the person
 * causing harm: a perpetrator programme or probation, anyone tied to a case as working with the person
 * causing harm, or working for the victim of a case in which this person is the one said to cause harm
 * (a counter-allegation).
 */
@Component
class CaseNeedToKnow implements NeedToKnow {

    /** Agencies whose work is with the person causing harm, whatever they are involved as. */
    static final Set<AgencyType> PERPETRATOR_AGENCIES = Set.of(AgencyType.PERPETRATOR_PROGRAMME, AgencyType.PROBATION);

    private final JdbcClient jdbc;
    private final Agencies agencies;

    CaseNeedToKnow(JdbcClient jdbc, Agencies agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    /** One row per relationship the actor has with a case containing the record. */
    private record Tie(String kind, String worksWith, String roleOfRecord) {
    }

    private static final String SAME_PERSON = """
            with recursive linked(person_id) as (
                select unnest(cast(:people as uuid[]))
                union
                select case when l.person_a = linked.person_id then l.person_b else l.person_a end
                  from person_link l join linked on l.person_a = linked.person_id or l.person_b = linked.person_id
                 where l.undone_at is null and l.decision = 'SAME_PERSON'
            )
            """;

    @Override
    public PersonAccess person(Actor actor, UUID personId) {
        var record = jdbc.sql("select recorded_by_agency_id, recorded_by from person where id = ?").param(personId)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
        if (record.isEmpty() || administratorOnly(actor)) {
            return PersonAccess.NONE;
        }
        List<Tie> ties = ties(actor, personId);
        boolean ownAgency = record.get()[0].equals(actor.agencyId());
        boolean perpetratorSide = perpetratorSide(actor, List.of(personId));
        String basis = ownAgency ? "RECORDED_BY_AGENCY"
                : ties.stream().anyMatch(t -> t.kind().equals("WORKER")) ? "ALLOCATED_WORKER"
                : ties.stream().anyMatch(t -> t.kind().equals("AGENCY")) ? "CASE_INVOLVEMENT"
                : ties.isEmpty() ? null : "BREAK_GLASS";
        if (basis == null) {
            return PersonAccess.NONE;
        }
        boolean named = record.get()[1].equals(actor.userId()) || ties.stream().anyMatch(t -> t.kind().equals("WORKER")
                && ("VICTIM".equals(t.roleOfRecord()) || "CHILD".equals(t.roleOfRecord())));
        return new PersonAccess(true, named && !perpetratorSide, perpetratorSide, basis);
    }

    private List<Tie> ties(Actor actor, UUID personId) {
        return jdbc.sql("""
                        with cases as (select case_id, role from case_person where person_id = :person)
                        select 'AGENCY' as kind, ca.works_with, c.role from case_agency ca join cases c using (case_id)
                         where ca.agency_id = :agency and ca.ended_at is null
                        union all
                        select 'WORKER', cw.works_with, c.role from case_worker cw join cases c using (case_id)
                         where cw.user_id = :user and cw.ended_at is null
                        union all
                        select 'BREAK_GLASS', null, c.role from break_glass_access b join cases c using (case_id)
                         where b.user_id = :user and b.expires_at > now()
                        """).param("person", personId).param("agency", actor.agencyId()).param("user", actor.userId())
                .query((rs, n) -> new Tie(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public boolean perpetratorSide(Actor actor, Collection<UUID> personIds) {
        if (perpetratorAgency(actor)) {
            return true;
        }
        if (personIds.isEmpty()) {
            return false;
        }
        // Across every record of the same people: a tie on the harm side of any of their cases counts.
        return jdbc.sql(SAME_PERSON + """
                , cases as (select cp.case_id, cp.role from case_person cp join linked l on l.person_id = cp.person_id)
                select exists (
                    select 1 from case_agency ca join cases c using (case_id)
                     where ca.agency_id = :agency and ca.ended_at is null
                       and (ca.works_with = 'PERSON_CAUSING_HARM' and c.role <> 'PERSON_CAUSING_HARM'
                            or c.role = 'PERSON_CAUSING_HARM' and ca.works_with in ('VICTIM', 'CHILDREN'))
                    union all
                    select 1 from case_worker cw join cases c using (case_id)
                     where cw.user_id = :user and cw.ended_at is null
                       and (cw.works_with = 'PERSON_CAUSING_HARM' and c.role <> 'PERSON_CAUSING_HARM'
                            or c.role = 'PERSON_CAUSING_HARM' and cw.works_with in ('VICTIM', 'CHILDREN')))
                """).param("people", personIds.toArray(UUID[]::new)).param("agency", actor.agencyId())
                .param("user", actor.userId()).query(Boolean.class).single();
    }

    @Override
    public IncidentAccess incident(Actor actor, UUID incidentId) {
        var record = jdbc.sql("select reporting_agency_id, reported_by from incident where id = ?").param(incidentId)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
        if (record.isEmpty() || administratorOnly(actor)) {
            return IncidentAccess.NONE;
        }
        // Judged for the people the incident is about, not the person said to have caused it.
        List<UUID> people = jdbc.sql("select person_id from incident_person where incident_id = ? and role <> 'PERSON_CAUSING_HARM'")
                .param(incidentId).query(UUID.class).list();
        List<Tie> ties = jdbc.sql("""
                        with cases as (select case_id from case_incident where incident_id = :incident)
                        select 'AGENCY' as kind, ca.works_with from case_agency ca join cases c using (case_id)
                         where ca.agency_id = :agency and ca.ended_at is null
                        union all
                        select 'WORKER', cw.works_with from case_worker cw join cases c using (case_id)
                         where cw.user_id = :user and cw.ended_at is null
                        union all
                        select 'BREAK_GLASS', null from break_glass_access b join cases c using (case_id)
                         where b.user_id = :user and b.expires_at > now()
                        """).param("incident", incidentId).param("agency", actor.agencyId()).param("user", actor.userId())
                .query((rs, n) -> new Tie(rs.getString(1), rs.getString(2), null)).list();
        boolean ownAgency = record.get()[0].equals(actor.agencyId());
        boolean perpetratorSide = perpetratorSide(actor, people)
                || ties.stream().anyMatch(t -> "PERSON_CAUSING_HARM".equals(t.worksWith()));
        if (ownAgency) {
            return new IncidentAccess(true, true, !perpetratorSide && (record.get()[1].equals(actor.userId())
                    || ties.stream().anyMatch(t -> t.kind().equals("WORKER"))));
        }
        if (perpetratorSide) {
            // How a victim's account came to light must never reach the person who caused harm's workers.
            return IncidentAccess.NONE;
        }
        if (!ties.isEmpty()) {
            return new IncidentAccess(true, true, ties.stream().anyMatch(t -> t.kind().equals("WORKER")));
        }
        // Reached through a same-person link only: that it happened, not what was said.
        return new IncidentAccess(false, true, false);
    }

    private boolean perpetratorAgency(Actor actor) {
        return PERPETRATOR_AGENCIES.contains(agencies.get(actor.agencyId()).type());
    }

    private static boolean administratorOnly(Actor actor) {
        return actor.roles().stream().allMatch("ADMIN"::equals);
    }
}
