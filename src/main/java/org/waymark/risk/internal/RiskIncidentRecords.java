package org.waymark.risk.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.incidents.IncidentRecordsSource;
import org.waymark.platform.Actor;
import org.waymark.platform.ChronologyEvent;
import org.waymark.platform.NeedToKnow;
import org.waymark.platform.WorkingCalendar;

/**
 * The DASH assessments made for an incident: the caller's own agency's (in progress or completed, which they
 * can open), and other agencies' completed ones only to those working on the victim's case, as the
 * chronology shows them; never to the perpetrator side.
 */
@Component
class RiskIncidentRecords implements IncidentRecordsSource {

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;

    RiskIncidentRecords(JdbcClient jdbc, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
    }

    @Override
    public List<ChronologyEvent> recordsFor(Actor actor, UUID incidentId) {
        return jdbc.sql("""
                        select r.id, r.agency_id, a.name as agency_name, r.status, r.person_id, r.instrument_id,
                               r.result -> 'evaluation' ->> 'riskLevel' as risk_level, coalesce(r.completed_at, r.created_at) as at
                          from risk_assessment r join agency a on a.id = r.agency_id
                         where r.incident_id = ? order by at""")
                .param(incidentId).query((rs, n) -> {
                    boolean own = rs.getObject("agency_id", UUID.class).equals(actor.agencyId());
                    boolean completed = "COMPLETED".equals(rs.getString("status"));
                    UUID person = rs.getObject("person_id", UUID.class);
                    if (!own) {
                        if (!completed || person == null) {
                            return null;
                        }
                        NeedToKnow.PersonAccess access = needToKnow.person(actor, person);
                        boolean onACase = "CASE_INVOLVEMENT".equals(access.basis()) || "ALLOCATED_WORKER".equals(access.basis());
                        if (!onACase || access.perpetratorSide()) {
                            return null;
                        }
                    }
                    String level = rs.getString("risk_level");
                    String summary = !completed ? "in progress"
                            : level == null ? "completed" : level.toLowerCase(Locale.UK).replace('_', ' ') + " risk";
                    return new ChronologyEvent(rs.getTimestamp("at").toInstant().atZone(WorkingCalendar.LONDON).toLocalDate(),
                            rs.getString("agency_name"), "Risk assessment (" + rs.getString("instrument_id").toUpperCase(Locale.UK) + ")",
                            summary, own ? "/risk-assessments/" + rs.getObject("id", UUID.class) : null);
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }
}
