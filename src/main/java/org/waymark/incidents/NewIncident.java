package org.waymark.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An incident as a practitioner records it. The people must be records the caller may see. Disclosure
 * provenance: who disclosed, to whom, and who else already knows (carried into every share of the case).
 */
public record NewIncident(LocalDate occurredOn, String location, String cameToLight, Set<String> abuseTypes, String severity,
                          boolean injuries, boolean weapon, boolean strangulation, boolean sexualViolence,
                          boolean threatsToKill, String criminalJusticeOutcome, String narrative,
                          List<Involved> people, boolean locationRestricted, String disclosedBy, String disclosedTo,
                          List<String> whoElseKnows) {

    public NewIncident {
        abuseTypes = abuseTypes == null ? Set.of() : Set.copyOf(abuseTypes);
        people = people == null ? List.of() : List.copyOf(people);
        whoElseKnows = whoElseKnows == null ? List.of() : whoElseKnows.stream().filter(w -> w != null && !w.isBlank())
                .map(String::trim).distinct().toList();
    }

    /** An incident without disclosure provenance and with an unrestricted location. */
    public NewIncident(LocalDate occurredOn, String location, String cameToLight, Set<String> abuseTypes, String severity,
                       boolean injuries, boolean weapon, boolean strangulation, boolean sexualViolence,
                       boolean threatsToKill, String criminalJusticeOutcome, String narrative, List<Involved> people) {
        this(occurredOn, location, cameToLight, abuseTypes, severity, injuries, weapon, strangulation, sexualViolence,
                threatsToKill, criminalJusticeOutcome, narrative, people, false, null, null, List.of());
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
