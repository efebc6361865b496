package org.waymark.risk;

import java.util.List;

/**
 * One recommended action with everything needed to explain it: why ({@code reasons}), which rules
 * of decision-rules.md fired ({@code rules}, for example {@code ["C6", "C10"]}) and where those
 * rules come from ({@code source}).
 *
 * @param childIndex position in the request's {@code children} list; set only for actions that
 *                   concern one child ({@link ActionCode#NOTIFY_SCHOOL}), otherwise {@code null}
 */
public record RecommendedAction(
        ActionCode code,
        List<ReasonCode> reasons,
        List<String> rules,
        String source,
        Integer childIndex) {

    public RecommendedAction {
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }
}
