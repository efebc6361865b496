package org.waymark.risk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.waymark.platform.Actor;
import org.waymark.platform.ChronologyEvent;
import org.waymark.platform.ChronologySource;
import org.waymark.platform.NeedToKnow;
import org.waymark.platform.WorkingCalendar;
import org.waymark.risk.AssessmentRecords;

/**
 * Completed risk assessments in a chronology: the caller's own agency's (which they can open), and others' only
 * to those working on a case with the person (as the case page shows them); never to the perpetrator side.
 */
@Component
class RiskChronology implements ChronologySource {

    private final AssessmentRecords assessments;
    private final NeedToKnow needToKnow;

    RiskChronology(AssessmentRecords assessments, NeedToKnow needToKnow) {
        this.assessments = assessments;
        this.needToKnow = needToKnow;
    }

    @Override
    public List<ChronologyEvent> eventsAbout(Actor actor, Collection<UUID> personIds, boolean perpetratorSide) {
        if (perpetratorSide || personIds.isEmpty()) {
            return List.of();
        }
        List<ChronologyEvent> events = new ArrayList<>();
        for (AssessmentRecords.AssessmentSummary a : assessments.completedAbout(personIds)) {
            String basis = needToKnow.person(actor, a.personId()).basis();
            boolean onACase = "CASE_INVOLVEMENT".equals(basis) || "ALLOCATED_WORKER".equals(basis);
            if (!a.ownAgency() && !onACase) {
                continue;
            }
            String level = a.riskLevel() == null ? "no level" : a.riskLevel().toLowerCase(Locale.UK) + " risk";
            events.add(new ChronologyEvent(a.completedAt().atZone(WorkingCalendar.LONDON).toLocalDate(), a.agencyName(),
                    "Risk assessment (" + a.instrumentId().toUpperCase(Locale.UK) + ")",
                    level + (a.yesCount() == null ? "" : ", " + a.yesCount() + " yes"),
                    a.ownAgency() ? "/risk-assessments/" + a.id() : null));
        }
        return events;
    }
}
