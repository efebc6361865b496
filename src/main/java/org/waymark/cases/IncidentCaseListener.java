package org.waymark.cases;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.incidents.IncidentRecorded;

/** Runs in the incident's transaction (a plain listener, not after commit): no incident without its case. */
@Component
class IncidentCaseListener {

    private final Cases cases;

    IncidentCaseListener(Cases cases) {
        this.cases = cases;
    }

    @EventListener
    void on(IncidentRecorded event) {
        cases.onIncidentRecorded(event.incidentId(), event.reportingAgencyId(), event.reportedBy(),
                event.people().stream().map(p -> new Cases.Role(p.personId(), p.role())).toList());
    }
}
