package org.waymark.incidents.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.waymark.incidents.NewIncident;

/** An incident as the API receives it. */
record IncidentRequest(LocalDate occurredOn, String location, String cameToLight, List<String> abuseTypes, String severity,
                       Boolean injuries, Boolean weapon, Boolean strangulation, Boolean sexualViolence,
                       Boolean threatsToKill, String criminalJusticeOutcome, String narrative, List<Person> people,
                       Boolean locationRestricted, String disclosedBy, String disclosedTo, List<String> whoElseKnows) {

    record Person(UUID personId, String role, String experience) {
    }

    NewIncident toNewIncident() {
        // A null entry becomes a value the validation refuses, rather than a crash.
        return new NewIncident(occurredOn, location, cameToLight, abuseTypes == null ? Set.of()
                        : Set.copyOf(abuseTypes.stream().map(t -> t == null ? "(none)" : t).toList()),
                severity, yes(injuries), yes(weapon), yes(strangulation), yes(sexualViolence), yes(threatsToKill),
                criminalJusticeOutcome, narrative,
                people == null ? List.of() : people.stream().filter(p -> p != null)
                        .map(p -> new NewIncident.Involved(p.personId(), p.role(), p.experience())).toList(),
                yes(locationRestricted), disclosedBy, disclosedTo, whoElseKnows);
    }

    private static boolean yes(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
