package org.waymark.cases.internal;

import java.util.List;
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
 * current break-glass grant. Restricted values are for the recorder and the allocated workers only, and
 * never for anyone working with the person causing harm.
 */
@Component
class CaseNeedToKnow implements NeedToKnow {

    private final JdbcClient jdbc;
    private final Agencies agencies;

    CaseNeedToKnow(JdbcClient jdbc, Agencies agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    /** One row per relationship the actor has with a case containing the record. */
    private record Tie(String kind, String worksWith, String roleOfRecord) {
    }

    @Override
    public PersonAccess person(Actor actor, UUID personId) {
        var record = jdbc.sql("select recorded_by_agency_id, recorded_by from person where id = ?").param(personId)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
        if (record.isEmpty() || administratorOnly(actor)) {
            return PersonAccess.NONE;
        }
        List<Tie> ties = jdbc.sql("""
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
        boolean ownAgency = record.get()[0].equals(actor.agencyId());
        boolean perpetratorSide = perpetratorProgramme(actor) || ties.stream().anyMatch(t ->
                "PERSON_CAUSING_HARM".equals(t.worksWith()) && !"PERSON_CAUSING_HARM".equals(t.roleOfRecord()));
        String basis = ownAgency ? "RECORDED_BY_AGENCY"
                : ties.stream().anyMatch(t -> t.kind().equals("WORKER")) ? "ALLOCATED_WORKER"
                : ties.stream().anyMatch(t -> t.kind().equals("AGENCY")) ? "CASE_INVOLVEMENT"
                : ties.isEmpty() ? null : "BREAK_GLASS";
        if (basis == null) {
            return PersonAccess.NONE;
        }
        boolean named = record.get()[1].equals(actor.userId())
                || ties.stream().anyMatch(t -> t.kind().equals("WORKER"));
        return new PersonAccess(true, named && !perpetratorSide, perpetratorSide, basis);
    }

    @Override
    public IncidentAccess incident(Actor actor, UUID incidentId) {
        var record = jdbc.sql("select reporting_agency_id, reported_by from incident where id = ?").param(incidentId)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
        if (record.isEmpty() || administratorOnly(actor)) {
            return IncidentAccess.NONE;
        }
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
        boolean perpetratorSide = perpetratorProgramme(actor)
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

    private boolean perpetratorProgramme(Actor actor) {
        return agencies.get(actor.agencyId()).type() == AgencyType.PERPETRATOR_PROGRAMME;
    }

    private static boolean administratorOnly(Actor actor) {
        return actor.roles().stream().allMatch("ADMIN"::equals);
    }
}
