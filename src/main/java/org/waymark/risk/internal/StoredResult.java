package org.waymark.risk.internal;

import java.util.List;
import java.util.Map;

/**
 * The result given when the assessment was completed, frozen with it: the evaluation, the score, and
 * the plain-English wording of every action and reason as it was then, so the page shows exactly what
 * the practitioner saw even after codes or wording change.
 */
record StoredResult(EvaluationResponse evaluation, int yesCount, List<String> supplementsNeeded,
                    List<Integer> unansweredQuestions, Map<String, String> descriptions, String profileName) {

    StoredResult {
        descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
    }

    String describe(String code) {
        return descriptions.getOrDefault(code, code);
    }
}
