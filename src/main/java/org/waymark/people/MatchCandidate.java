package org.waymark.people;

import java.util.List;
import java.util.UUID;

/**
 * An existing record that may be the same person, with the evidence in plain words. A candidate held
 * by another agency shows only which agency holds it and why it matches: its details stay with that
 * agency until a legitimate relationship gives access.
 *
 * @param score   0 to 100: the matcher's probability that this is the same person
 * @param name    the candidate's name, only when the caller's agency holds the record
 */
public record MatchCandidate(UUID personId, int score, boolean sameAgency, String agencyName, String name,
                             List<Reason> reasons) {

    public record Reason(String field, String kind, String text, boolean supportsMatch) {
    }
}
