package org.waymark.incidents;

import java.util.List;
import java.util.UUID;

import org.waymark.platform.Actor;
import org.waymark.platform.ChronologyEvent;

/**
 * Another module's records made for an incident (the DASH assessment done at the call-out), shown on the
 * incident. Implemented by the modules that hold them, so the incidents module depends on none of them.
 * Each source applies its own need-to-know rules for the actor.
 */
public interface IncidentRecordsSource {

    List<ChronologyEvent> recordsFor(Actor actor, UUID incidentId);
}
