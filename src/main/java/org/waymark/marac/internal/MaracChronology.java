package org.waymark.marac.internal;

import java.sql.Date;
import java.sql.Timestamp;
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
import org.waymark.platform.WorkingCalendar;

/**
 * MARAC referrals and the meetings that heard them, in the chronology of whoever may see the victim's record
 * (never the perpetrator side).
 */
@Component
class MaracChronology implements ChronologySource {

    private final JdbcClient jdbc;
    private final NeedToKnow needToKnow;

    MaracChronology(JdbcClient jdbc, NeedToKnow needToKnow) {
        this.jdbc = jdbc;
        this.needToKnow = needToKnow;
    }

    @Override
    public List<ChronologyEvent> eventsAbout(Actor actor, Collection<UUID> personIds, boolean perpetratorSide) {
        if (perpetratorSide || personIds.isEmpty()) {
            return List.of();
        }
        List<ChronologyEvent> events = new ArrayList<>();
        jdbc.sql("""
                        select r.id, r.victim_person_id, r.received_at, r.criteria, r.repeat_referral, r.status,
                               a.name as agency, m.meeting_date, m.status as meeting_status, c.name as coordination
                          from marac_referral r join agency a on a.id = r.referring_agency_id
                          join marac_area ar on ar.id = r.area_id join agency c on c.id = ar.coordination_agency_id
                          left join marac_meeting m on m.id = r.meeting_id
                         where r.victim_person_id = any(?)""").param(personIds.toArray(UUID[]::new))
                .query().listOfRows().forEach(row -> {
                    NeedToKnow.PersonAccess access = needToKnow.person(actor, (UUID) row.get("victim_person_id"));
                    if (!access.visible() || access.perpetratorSide()) {
                        return;
                    }
                    String href = "/marac/referrals/" + row.get("id");
                    events.add(new ChronologyEvent(((Timestamp) row.get("received_at")).toInstant()
                            .atZone(WorkingCalendar.LONDON).toLocalDate(), (String) row.get("agency"),
                            Boolean.TRUE.equals(row.get("repeat_referral")) ? "MARAC referral (repeat)" : "MARAC referral",
                            org.waymark.marac.MaracReferrals.label((String) row.get("criteria")), href));
                    if ("HELD".equals(row.get("meeting_status"))) {
                        events.add(new ChronologyEvent(((Date) row.get("meeting_date")).toLocalDate(),
                                (String) row.get("coordination"), "Heard at MARAC",
                                String.valueOf(row.get("status")).replace('_', ' ').toLowerCase(java.util.Locale.UK), href));
                    }
                });
        return events;
    }
}
