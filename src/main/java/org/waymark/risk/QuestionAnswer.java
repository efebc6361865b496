package org.waymark.risk;

import java.util.Objects;

/**
 * One answer on a checklist, with the practitioner's note and where the information came from
 * (the DASH asks for the source of each answer: the victim, records, another agency...).
 */
public record QuestionAnswer(Answer answer, String detail, String source) {
    public QuestionAnswer {
        Objects.requireNonNull(answer, "answer");
    }

    public static QuestionAnswer of(Answer answer) {
        return new QuestionAnswer(answer, null, null);
    }
}
