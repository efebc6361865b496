package org.waymark.risk;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of evaluating one case under one partnership profile.
 *
 * <p>{@code actions} holds one entry per action code (one per child for
 * {@link ActionCode#NOTIFY_SCHOOL}), in a fixed order: the declaration order of {@link ActionCode},
 * then by {@code childIndex}. Within an action, reasons follow the declaration order of
 * {@link ReasonCode} and rules the order in which the engine runs them (the order of the rule
 * table).
 *
 * @param profile        id of the partnership profile applied
 * @param riskLevel      the assessor's level, or the profile's DASH banding when the assessor gave
 *                       none, raised to HIGH by rules R1 to R3; {@code null} when there was neither
 *                       a level nor a DASH and no rule raised it
 * @param dashYesCount   "yes" answers on the DASH, or {@code null} when no DASH was completed
 * @param maracCriteria  the reasons that make this a MARAC case (the reasons of REFER_MARAC);
 *                       empty when there is no MARAC referral
 */
public record Evaluation(
        String profile,
        RiskLevel riskLevel,
        Integer dashYesCount,
        List<ReasonCode> maracCriteria,
        List<RecommendedAction> actions) {

    public Evaluation {
        maracCriteria = List.copyOf(maracCriteria);
        actions = List.copyOf(actions);
    }

    /** Whether any action with this code is recommended. */
    public boolean recommends(ActionCode code) {
        for (RecommendedAction action : actions) {
            if (action.code() == code) {
                return true;
            }
        }
        return false;
    }

    /** The action with this code (the first one, for per-child actions). */
    public Optional<RecommendedAction> action(ActionCode code) {
        for (RecommendedAction action : actions) {
            if (action.code() == code) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Every action with this code (several for per-child actions such as NOTIFY_SCHOOL). */
    public List<RecommendedAction> actions(ActionCode code) {
        return actions.stream().filter(a -> a.code() == code).toList();
    }
}
