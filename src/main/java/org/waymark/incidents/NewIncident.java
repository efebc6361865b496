package org.waymark.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An incident as a practitioner records it. The people must be records the caller's agency holds. */
public record NewIncident(LocalDate occurredOn, String location, String cameToLight, Set<String> abuseTypes, String severity,
                          boolean injuries, boolean weapon, boolean strangulation, boolean sexualViolence,
                          boolean threatsToKill, String criminalJusticeOutcome, String narrative,
                          List<Involved> people) {

    public NewIncident {
        abuseTypes = abuseTypes == null ? Set.of() : Set.copyOf(abuseTypes);
        people = people == null ? List.of() : List.copyOf(people);
    }

    /**
     * A person and their role: VICTIM, PERSON_CAUSING_HARM, CHILD, OTHER_HOUSEHOLD_MEMBER or WITNESS;
     * for a child, what they saw or heard: PRESENT, SAW, HEARD or NOT_PRESENT.
     */
    public record Involved(UUID personId, String role, String experience) {
        public Involved(UUID personId, String role) {
            this(personId, role, null);
        }
    }
}
