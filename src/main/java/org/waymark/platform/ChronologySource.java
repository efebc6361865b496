package org.waymark.platform;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A module's contribution to chronologies (issue 4: "every incident, assessment, referral, meeting, order and
 * plan from every agency the user may see"). Each source applies its own need-to-know rules for the actor and
 * returns nothing to the perpetrator side that it would not show them elsewhere.
 */
public interface ChronologySource {

    /**
     * @param personIds       the person's records (or the family's), every linked record included
     * @param perpetratorSide the actor works with the person causing harm for this chronology's person
     */
    List<ChronologyEvent> eventsAbout(Actor actor, Collection<UUID> personIds, boolean perpetratorSide);
}
