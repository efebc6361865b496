package org.waymark.children.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.ChronologyEvent;
import org.waymark.platform.ChronologySource;
import org.waymark.platform.NeedToKnow;

/**
 * Police notifications, triage decisions and strategy discussions in the family's chronology, for whoever may
 * see the notification (never the perpetrator side).
 */
@Component
class ChildrenChronology implements ChronologySource {

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;

    ChildrenChronology(JdbcClient jdbc, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
    }

    @Override
    public List<ChronologyEvent> eventsAbout(Actor actor, Collection<UUID> personIds, boolean perpetratorSide) {
        if (perpetratorSide || personIds.isEmpty()) {
            return List.of();
        }
        UUID[] ids = personIds.toArray(UUID[]::new);
        List<ChronologyEvent> events = new ArrayList<>();
        jdbc.sql("""
                        select distinct n.id, n.victim_person_id, n.reference, n.submitted_at, a.name as agency, n.risk_level,
                               t.status, t.outcome, t.decided_at, d.name as decided_agency,
                               s.id as strategy_id, s.status as strategy_status, s.held_on, s.section_47, o.name as strategy_agency
                          from police_notification n
                          join agency a on a.id = n.agency_id
                          join mash_triage t on t.notification_id = n.id
                          left join app_user u on u.id = t.decided_by left join agency d on d.id = u.agency_id
                          left join strategy_discussion s on s.notification_id = n.id
                          left join agency o on o.id = s.owner_agency_id
                         where n.victim_person_id = any(:ids)
                            or exists (select 1 from notification_child c where c.notification_id = n.id and c.person_id = any(:ids))
                        """).param("ids", ids)
                .query().listOfRows().forEach(row -> {
                    UUID victim = (UUID) row.get("victim_person_id");
                    NeedToKnow.PersonAccess access = needToKnow.person(actor, victim);
                    if (!access.visible() || access.perpetratorSide()) {
                        return;
                    }
                    String href = "/children/notifications/" + row.get("id");
                    events.add(new ChronologyEvent(date(row.get("submitted_at")), (String) row.get("agency"),
                            "Police notification to the MASH", row.get("reference") + (row.get("risk_level") == null ? ""
                            : ", " + row.get("risk_level").toString().toLowerCase(java.util.Locale.UK) + " risk"), href));
                    if ("DECIDED".equals(row.get("status"))) {
                        events.add(new ChronologyEvent(date(row.get("decided_at")), (String) row.get("decided_agency"),
                                "MASH triage decision", org.waymark.children.ThresholdOutcome.valueOf((String) row.get("outcome"))
                                .label(), href));
                    }
                    if ("HELD".equals(row.get("strategy_status"))) {
                        events.add(new ChronologyEvent(((java.sql.Date) row.get("held_on")).toLocalDate(),
                                (String) row.get("strategy_agency"), "Strategy discussion",
                                Boolean.TRUE.equals(row.get("section_47")) ? "Section 47 enquiry" : "No Section 47 enquiry",
                                "/strategy-discussions/" + row.get("strategy_id")));
                    }
                });
        return events;
    }

    private static java.time.LocalDate date(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant().atZone(org.waymark.platform.WorkingCalendar.LONDON).toLocalDate();
    }
}
