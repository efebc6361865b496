package org.waymark.incidents;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the records say about a person, for the decision rules: counted over this person's record and
 * every record linked to it as the same person, whichever agency holds them.
 *
 * @param dvaIncidentsLast12Months incidents with this person as victim, in the 12 months up to asOf
 * @param policeCalloutsLast12Months of those, the ones that came to light by a police call-out
 * @param escalating more incidents in the last 6 months than in the 6 before (at least 2), or a
 *                   serious incident after only minor or standard ones
 * @param repeatPerpetrator two or more incidents as the person causing harm against the same victim
 *                          (DDSCP)
 * @param serialPerpetrator harm caused to two or more victims who are not the same person (DDSCP
 *                          speaks of intimate partners; relationships are not yet recorded, so every
 *                          victim of a domestic abuse incident counts)
 * @param incidentsPerQuarter incidents as victim per calendar quarter over the last two years
 */
public record DerivedFacts(LocalDate asOf, int dvaIncidentsLast12Months, int policeCalloutsLast12Months,
                           boolean escalating, boolean repeatPerpetrator, boolean serialPerpetrator,
                           Map<String, Integer> incidentsPerQuarter) {
}
