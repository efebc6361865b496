package org.waymark.risk.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule of decision-rules.md sections A to C, in the order the engine runs them.
 *
 * <p>The order matters only where a rule reads what earlier rules decided:
 * <ul>
 *   <li>R1 to R3 raise the risk level before anything reads it;</li>
 *   <li>R9 rules out a MARAC referral for a victim under 16 before R6, R7, R11 and A4 look for one;</li>
 *   <li>C4 runs after every other children's rule, since it applies only when none requires more.</li>
 * </ul>
 * Which of these rules a partnership runs is configuration ({@link org.waymark.risk.PartnershipProfile}).
 */
public final class RuleBook {

    private static final List<Rule> RULES = List.of(
            // A. Risk level and MARAC
            RiskAndMaracRules.R1, RiskAndMaracRules.R2, RiskAndMaracRules.R3,
            RiskAndMaracRules.R4, RiskAndMaracRules.R4d, RiskAndMaracRules.R5,
            RiskAndMaracRules.R9,
            RiskAndMaracRules.R6, RiskAndMaracRules.R7, RiskAndMaracRules.R8, RiskAndMaracRules.R10,
            RiskAndMaracRules.R11, RiskAndMaracRules.R12,
            // B. Children
            ChildrenRules.C1, ChildrenRules.C2, ChildrenRules.C3, ChildrenRules.C3d, ChildrenRules.C5,
            ChildrenRules.C6, ChildrenRules.C6d, ChildrenRules.C7, ChildrenRules.C8, ChildrenRules.C9,
            ChildrenRules.C10, ChildrenRules.C11,
            ChildrenRules.C4,
            // C. Adults, perpetrators and protection
            AdultAndPerpetratorRules.A1, AdultAndPerpetratorRules.A2, AdultAndPerpetratorRules.A3,
            AdultAndPerpetratorRules.A4);

    private static final Map<String, Rule> BY_ID;

    static {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalStateException("duplicate rule id " + rule.id());
            }
        }
        BY_ID = Collections.unmodifiableMap(byId);
    }

    private RuleBook() {
    }

    /** All rules in running order. */
    public static List<Rule> all() {
        return RULES;
    }

    /** All rule ids in running order. */
    public static List<String> ids() {
        return new ArrayList<>(BY_ID.keySet());
    }

    public static boolean isKnown(String id) {
        return BY_ID.containsKey(id);
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
