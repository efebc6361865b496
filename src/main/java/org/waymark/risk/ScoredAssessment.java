package org.waymark.risk;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A completed checklist, scored. It keeps the id and version of the instrument it was answered
 * on, so it can be shown exactly as it was after the instrument changes.
 */
public record ScoredAssessment(
        String instrumentId,
        String instrumentVersion,
        Map<Integer, QuestionAnswer> answers,
        InstrumentScoring.ChecklistScore score) {

    public ScoredAssessment {
        answers = Collections.unmodifiableMap(new TreeMap<>(answers));
    }
}
