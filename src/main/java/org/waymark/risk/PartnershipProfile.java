package org.waymark.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.waymark.risk.rules.RuleBook;

/**
 * A partnership's local variation of the procedures, as configuration: which rules of
 * decision-rules.md it runs, and the few numbers the rules read. A new partnership is a new
 * profile file (see {@link ProfileCatalogue}), never new code.
 *
 * @param id                               short id used in requests, e.g. {@code derby-derbyshire}
 * @param name                             display name
 * @param rules                            ids of the rules this partnership runs (e.g. R1, R4d, C3)
 * @param escalationThreshold              R2: police call-outs in 12 months that make a MARAC case
 *                                         (SafeLives: 3)
 * @param dashMediumFrom                   DASH banding, used only when the assessor gives no level:
 *                                         this many "yes" or more (below visible high risk) is
 *                                         MEDIUM, fewer is STANDARD; {@code null} means no banding
 * @param repeatWindowMonths               R4/R4d: a MARAC referral less than this many months ago
 *                                         makes a new incident a repeat (SafeLives: 12)
 * @param childAndFamilyAssessmentIncidents C5: DVA incidents in 12 months that call for a child and
 *                                         family assessment (WM-2.24: 3)
 * @param schoolAgeFrom                    C3d: youngest age notified to school (DDSCP: 5)
 * @param schoolAgeTo                      C3d: oldest age notified to school, inclusive (DDSCP: 16)
 */
public record PartnershipProfile(
        String id,
        String name,
        Set<String> rules,
        int escalationThreshold,
        Integer dashMediumFrom,
        int repeatWindowMonths,
        int childAndFamilyAssessmentIncidents,
        int schoolAgeFrom,
        int schoolAgeTo) {

    public static final int DEFAULT_ESCALATION_THRESHOLD = 3;
    public static final int DEFAULT_REPEAT_WINDOW_MONTHS = 12;
    public static final int DEFAULT_CHILD_AND_FAMILY_ASSESSMENT_INCIDENTS = 3;
    public static final int DEFAULT_SCHOOL_AGE_FROM = 5;
    public static final int DEFAULT_SCHOOL_AGE_TO = 16;

    /**
     * Rules that are alternatives to one another: a profile runs at most one of each pair (the
     * local variant replaces the national rule).
     */
    static final List<List<String>> ALTERNATIVES = List.of(List.of("R4", "R4d"), List.of("C3", "C3d"));

    /** @throws IllegalArgumentException naming the first bad setting, in the words of the profile file */
    public PartnershipProfile {
        List<String> problems = problems(id, name, rules, escalationThreshold, dashMediumFrom, repeatWindowMonths,
                childAndFamilyAssessmentIncidents, schoolAgeFrom, schoolAgeTo);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        rules = Collections.unmodifiableSet(new TreeSet<>(rules));
    }

    /** Whether this partnership runs the rule with this id. */
    public boolean runs(String ruleId) {
        return rules.contains(ruleId);
    }

    static List<String> problems(String id, String name, Set<String> rules, int escalationThreshold,
                                 Integer dashMediumFrom, int repeatWindowMonths,
                                 int childAndFamilyAssessmentIncidents, int schoolAgeFrom, int schoolAgeTo) {
        List<String> problems = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add("field 'id' must be lower-case words joined by hyphens, was " + quote(id));
        }
        if (name == null || name.isBlank()) {
            problems.add("field 'name' is required");
        }
        if (rules == null) {
            problems.add("field 'rules' is required");
        } else {
            for (String rule : new TreeSet<>(rules)) {
                if (!RuleBook.isKnown(rule)) {
                    problems.add("field 'rules' names unknown rule " + quote(rule) + " (known: " + RuleBook.ids() + ")");
                }
            }
            for (List<String> pair : ALTERNATIVES) {
                if (rules.containsAll(pair)) {
                    problems.add("field 'rules' has both " + pair.get(0) + " and " + pair.get(1)
                            + ": they are alternatives, keep one");
                }
            }
        }
        if (escalationThreshold < 1) {
            problems.add("field 'escalation-threshold' must be at least 1, was " + escalationThreshold);
        }
        if (dashMediumFrom != null && dashMediumFrom < 1) {
            problems.add("field 'dash-medium-from' must be at least 1, was " + dashMediumFrom);
        }
        if (repeatWindowMonths < 1) {
            problems.add("field 'repeat-window-months' must be at least 1, was " + repeatWindowMonths);
        }
        if (childAndFamilyAssessmentIncidents < 1) {
            problems.add("field 'child-and-family-assessment-incidents' must be at least 1, was "
                    + childAndFamilyAssessmentIncidents);
        }
        if (schoolAgeFrom < 0 || schoolAgeTo > 17 || schoolAgeFrom > schoolAgeTo) {
            problems.add("fields 'school-age-from' and 'school-age-to' must be ages 0 to 17 with from <= to, were "
                    + schoolAgeFrom + " and " + schoolAgeTo);
        }
        return problems;
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
