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

    /** An incident in which the person was the victim. */
    public record AsVictim(LocalDate occurredOn, String cameToLight, String severity) {
    }

    /** An incident in which the person caused harm, with the victim's same-person group. */
    public record AsPersonCausingHarm(UUID incidentId, UUID victimGroup) {
    }

    private static final Set<String> LESS_THAN_SERIOUS = Set.of("MINOR", "STANDARD");

    private FactsFromRecords() {
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
        List<AsVictim> ordered = asVictim.stream().sorted(java.util.Comparator.comparing(AsVictim::occurredOn)).toList();
        for (AsVictim incident : ordered) {
            LocalDate when = incident.occurredOn();
            if (when.isAfter(asOf)) {
                continue;
            }
            boolean inYear = when.isAfter(yearStart);
            if (inYear) {
                incidents++;
                if ("POLICE_CALL_OUT".equals(incident.cameToLight())) {
                    callouts++;
                }
                if (when.isAfter(halfway)) {
                    recentHalf++;
                } else {
                    earlierHalf++;
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

        Map<UUID, Integer> perVictim = new HashMap<>();
        for (AsPersonCausingHarm harm : asPersonCausingHarm) {
            perVictim.merge(harm.victimGroup(), 1, Integer::sum);
        }
        boolean repeat = perVictim.values().stream().anyMatch(n -> n >= 2);
        boolean serial = perVictim.size() >= 2;

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
