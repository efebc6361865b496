package org.waymark.risk.internal;

import java.util.List;

/** The result given when the assessment was completed, frozen with it. */
record StoredResult(EvaluationResponse evaluation, int yesCount, List<String> supplementsNeeded,
                    List<Integer> unansweredQuestions) {
}
