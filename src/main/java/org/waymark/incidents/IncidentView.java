package org.waymark.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One incident as the caller may see it. Without a need to know ({@code full} false) only that it happened:
 * when, which agency, how serious and the people's roles. A restricted location is {@code locationWithheld}
 * for everyone but the recorder and the case's allocated workers. {@code linkedRecords}: what other modules
 * made for it (a DASH assessment), as far as the caller may see them.
 */
public record IncidentView(UUID id, LocalDate occurredOn, String agencyName, boolean full, String cameToLight,
                           String severity, List<String> abuseTypes, boolean injuries, boolean weapon,
                           boolean strangulation, boolean sexualViolence, boolean threatsToKill,
                           String criminalJusticeOutcome, String narrative, String location, boolean locationRestricted,
                           boolean locationWithheld, String disclosedBy, String disclosedTo, List<String> whoElseKnows,
                           List<Involved> people, List<org.waymark.platform.ChronologyEvent> linkedRecords) {

    /** A person in the incident: their role, and their name where the caller may see their record. */
    public record Involved(UUID personId, String name, String role, String experience) {
    }
}
