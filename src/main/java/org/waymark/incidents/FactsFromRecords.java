package org.waymark.incidents;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The derivation itself: plain Java over a person's incidents, so its windows and definitions are
 * tested at their boundaries without a database.
 */
public final class FactsFromRecords {

    /** An incident in which the person was the victim; reportedByPolice when a police force recorded it. */
    public record AsVictim(LocalDate occurredOn, String cameToLight, String severity, boolean reportedByPolice) {
        public AsVictim(LocalDate occurredOn, String cameToLight, String severity) {
            this(occurredOn, cameToLight, severity, false);
        }

        boolean toPolice() {
            return reportedByPolice || "POLICE_CALL_OUT".equals(cameToLight);
        }
    }

    /**
     * An incident in which the person caused harm: the victim's same-person group, and the group of
     * victims connected to that one (related to each other), which count as one for "serial".
     * {@code familyNotPartner}: the records show the victim as the person's family (a parent, child,
     * sibling, other family member or someone they care for) and never as a partner, so not an intimate
     * partner; such harm counts towards neither definition.
     */
    public record AsPersonCausingHarm(UUID incidentId, UUID victimGroup, UUID connectedGroup, boolean familyNotPartner) {
        public AsPersonCausingHarm(UUID incidentId, UUID victimGroup, UUID connectedGroup) {
            this(incidentId, victimGroup, connectedGroup, false);
        }

        public AsPersonCausingHarm(UUID incidentId, UUID victimGroup) {
            this(incidentId, victimGroup, victimGroup, false);
        }
    }

    private static final Set<String> LESS_THAN_SERIOUS = Set.of("MINOR", "STANDARD");

    private FactsFromRecords() {
    }

    private static int rank(String severity) {
        return severity == null ? 0 : switch (severity) {
            case "SERIOUS" -> 3;
            case "STANDARD" -> 2;
            case "MINOR" -> 1;
            default -> 0;
        };
    }

    public static DerivedFacts derive(List<AsVictim> asVictim, List<AsPersonCausingHarm> asPersonCausingHarm,
                                      LocalDate asOf) {
        // "In the last 12 months": after the same date a year earlier, up to and including asOf (SafeLives,
        // WM-2.24). An incident exactly 12 months ago is outside; one 11 months and 30 days ago is inside.
        LocalDate yearStart = asOf.minusMonths(12);
        int incidents = 0;
        int callouts = 0;
        int recentHalf = 0;
        int earlierHalf = 0;
        LocalDate halfway = asOf.minusMonths(6);
        boolean seriousAfterLesser = false;
        boolean lesserSeen = false;
        // The same event recorded by two agencies is one incident: one per day counts. Within a day the most
        // serious comes first, so the order of rows can never manufacture "serious after lesser".
        List<AsVictim> ordered = asVictim.stream()
                .sorted(java.util.Comparator.comparing(AsVictim::occurredOn)
                        .thenComparing(i -> -rank(i.severity())))
                .toList();
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        java.util.Set<LocalDate> policeDays = new java.util.HashSet<>();
        for (AsVictim incident : ordered) {
            LocalDate when = incident.occurredOn();
            if (when.isAfter(asOf)) {
                continue;
            }
            boolean inYear = when.isAfter(yearStart);
            if (inYear) {
                if (incident.toPolice() && policeDays.add(when)) {
                    callouts++;
                }
                if (days.add(when)) {
                    incidents++;
                    if (when.isAfter(halfway)) {
                        recentHalf++;
                    } else {
                        earlierHalf++;
                    }
                }
                if ("SERIOUS".equals(incident.severity()) && lesserSeen) {
                    seriousAfterLesser = true;
                }
                if (incident.severity() != null && LESS_THAN_SERIOUS.contains(incident.severity())) {
                    lesserSeen = true;
                }
            }
        }
        boolean escalating = (recentHalf >= 2 && recentHalf > earlierHalf) || seriousAfterLesser;

        // Repeat (DDSCP): two or more incidents against an intimate partner. Serial (DDSCP): two or more
        // unconnected victims who are or were intimate partners, so two victims count only if they were harmed
        // in different incidents and are not related to each other. A victim the records show only as family
        // is not an intimate partner; one with no recorded relationship is taken as one (a DVA incident).
        Map<UUID, Set<UUID>> incidentsPerVictim = new HashMap<>();
        Map<UUID, Set<UUID>> incidentsPerConnected = new HashMap<>();
        for (AsPersonCausingHarm harm : asPersonCausingHarm) {
            if (harm.familyNotPartner()) {
                continue;
            }
            incidentsPerVictim.computeIfAbsent(harm.victimGroup(), k -> new java.util.HashSet<>()).add(harm.incidentId());
            incidentsPerConnected.computeIfAbsent(harm.connectedGroup(), k -> new java.util.HashSet<>()).add(harm.incidentId());
        }
        boolean repeat = incidentsPerVictim.values().stream().anyMatch(n -> n.size() >= 2);
        boolean serial = incidentsPerConnected.size() >= 2 && incidentsPerConnected.values().stream()
                .flatMap(Set::stream).distinct().count() >= 2;

        Map<String, Integer> quarters = new LinkedHashMap<>();
        LocalDate quarterStart = LocalDate.of(asOf.getYear(), ((asOf.getMonthValue() - 1) / 3) * 3 + 1, 1).minusMonths(21);
        for (int q = 0; q < 8; q++) {
            LocalDate from = quarterStart.plusMonths(3L * q);
            LocalDate to = from.plusMonths(3);
            int count = (int) asVictim.stream().filter(i -> !i.occurredOn().isBefore(from) && i.occurredOn().isBefore(to)
                    && !i.occurredOn().isAfter(asOf)).count();
            quarters.put(from.getYear() + " Q" + ((from.getMonthValue() - 1) / 3 + 1), count);
        }
        return new DerivedFacts(asOf, incidents, callouts, escalating, repeat, serial, quarters);
    }
}
