package org.waymark.incidents;

import java.util.List;
import java.util.UUID;

/**
 * Published in the recording transaction when an incident is saved, so the cases module can open or
 * join the victim's case in the same transaction: no incident without its case.
 */
public record IncidentRecorded(UUID incidentId, UUID reportingAgencyId, UUID reportedBy, List<NewIncident.Involved> people) {

    public IncidentRecorded {
        people = List.copyOf(people);
    }
}
