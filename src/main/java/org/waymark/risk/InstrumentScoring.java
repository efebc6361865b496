package org.waymark.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pure functions over instruments: checking answers against an instrument, scoring a checklist,
 * and the DVRIM's uplift for a more vulnerable child. The score is always computed from the
 * answers; there is no way to supply it.
 */
public final class InstrumentScoring {

    private InstrumentScoring() {
    }

    /** The score of a checklist. */
    public record ChecklistScore(
            int yesCount,
            List<String> thresholdsReached,
            boolean visibleHighRisk,
            Set<String> supplementsNeeded,
            List<Integer> unansweredQuestions) {
        public ChecklistScore {
            thresholdsReached = List.copyOf(thresholdsReached);
            supplementsNeeded = Collections.unmodifiableSet(new TreeSet<>(supplementsNeeded));
            unansweredQuestions = List.copyOf(unansweredQuestions);
        }
    }

    /**
     * Reads answers as they arrive in a request ({@code {"1": "YES", "2": "NOT_KNOWN"}}), checking every
     * key and value against the instrument.
     *
     * @param field the request field holding the answers, used to name bad entries (e.g.
     *              {@code dash.answers} gives {@code dash.answers.25})
     * @throws InvalidAnswersException listing every question number outside the instrument and
     *                                 every value that is not YES, NO or NOT_KNOWN
     */
    public static Map<Integer, Answer> parseAnswers(Instrument instrument, Map<String, String> raw, String field) {
        requireChecklist(instrument);
        Map<Integer, Answer> answers = new TreeMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String key = entry.getKey();
            Integer number = parseNumber(key);
            if (number == null || instrument.question(number).isEmpty()) {
                problems.add(new FieldProblem(field + "." + key, notAQuestion(instrument)));
                continue;
            }
            Answer answer = parseAnswer(entry.getValue());
            if (answer == null) {
                problems.add(new FieldProblem(field + "." + key,
                        "answer must be YES, NO or NOT_KNOWN, was '" + entry.getValue() + "'"));
                continue;
            }
            answers.put(number, answer);
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
        return answers;
    }

    /** Scores checklist answers (field names in errors start with {@code answers}). */
    public static ChecklistScore score(Instrument instrument, Map<Integer, Answer> answers) {
        return score(instrument, answers, "answers");
    }

    /**
     * Scores checklist answers: the count of answers that score (YES), the thresholds reached,
     * and the supplementary instruments the answers point to (DASH Q4 and Q17: honour-based
     * violence questions; Q8: stalking questions). Questions not answered are listed, not scored.
     *
     * @throws InvalidAnswersException listing every question number outside the instrument
     */
    public static ChecklistScore score(Instrument instrument, Map<Integer, Answer> answers, String field) {
        requireChecklist(instrument);
        List<FieldProblem> problems = new ArrayList<>(0);
        for (Map.Entry<Integer, Answer> entry : answers.entrySet()) {
            if (entry.getKey() == null || instrument.question(entry.getKey()).isEmpty()) {
                problems.add(new FieldProblem(field + "." + entry.getKey(), notAQuestion(instrument)));
            } else if (entry.getValue() == null) {
                problems.add(new FieldProblem(field + "." + entry.getKey(), "answer must be YES, NO or NOT_KNOWN"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
        int yes = 0;
        Set<String> supplements = new TreeSet<>();
        List<Integer> unanswered = new ArrayList<>();
        for (Instrument.Question question : instrument.questions()) {
            Answer answer = answers.get(question.number());
            if (answer == null) {
                unanswered.add(question.number());
                continue;
            }
            if (question.scoresOn().contains(answer)) {
                yes++;
            }
            if (answer == Answer.YES && question.triggersSupplement() != null) {
                supplements.add(question.triggersSupplement());
            }
        }
        List<String> reached = new ArrayList<>();
        for (Instrument.Threshold threshold : instrument.thresholds()) {
            if (yes >= threshold.atLeast()) {
                reached.add(threshold.id());
            }
        }
        return new ChecklistScore(yes, reached, reached.contains(Instrument.VISIBLE_HIGH_RISK), supplements, unanswered);
    }

    /** Scores a completed assessment and records the instrument id and version it was answered on. */
    public static ScoredAssessment assess(Instrument instrument, Map<Integer, QuestionAnswer> answers) {
        Map<Integer, Answer> plain = new LinkedHashMap<>();
        answers.forEach((number, answer) -> plain.put(number, answer == null ? null : answer.answer()));
        ChecklistScore score = score(instrument, plain);
        return new ScoredAssessment(instrument.id(), instrument.version(), answers, score);
    }

    /**
     * The scale level after the instrument's uplift for a more vulnerable child (DVRIM: a child
     * under 7, or a child or mother with special needs, raises scale 1 or 2 to 3, and 3 to 4).
     * The practitioner still decides; this is the level the matrix suggests.
     *
     * @param childAgeYears completed years (0 for an unborn child), or null when not known
     * @param specialNeeds  whether the child, or the mother, has special needs
     */
    public static int upliftedLevel(Instrument instrument, int level, Integer childAgeYears, boolean specialNeeds) {
        if (instrument.kind() != Instrument.Kind.SCALE) {
            throw new IllegalArgumentException(instrument.id() + " is not a scale instrument");
        }
        if (instrument.scaleLevel(level).isEmpty()) {
            throw new IllegalArgumentException(instrument.id() + " has no level " + level);
        }
        Instrument.Uplift uplift = instrument.uplift();
        if (uplift == null) {
            return level;
        }
        boolean young = uplift.underAgeYears() != null && childAgeYears != null && childAgeYears < uplift.underAgeYears();
        boolean needs = uplift.specialNeeds() && specialNeeds;
        if (!young && !needs) {
            return level;
        }
        return uplift.raisesTo().getOrDefault(level, level);
    }

    private static void requireChecklist(Instrument instrument) {
        if (instrument.kind() != Instrument.Kind.CHECKLIST) {
            throw new IllegalArgumentException(instrument.id() + " is not a checklist");
        }
    }

    private static String notAQuestion(Instrument instrument) {
        List<Integer> numbers = instrument.questions().stream().map(Instrument.Question::number).toList();
        String range = numbers.isEmpty() ? "none" : numbers.get(0) + " to " + numbers.get(numbers.size() - 1);
        return "not a question of " + instrument.id() + " " + instrument.version() + " (questions " + range + ")";
    }

    private static Integer parseNumber(String key) {
        if (key == null || !key.matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(key);
    }

    private static Answer parseAnswer(String value) {
        if (value == null) {
            return null;
        }
        // Exactly as the contract spells them: "yes" or "Yes " is as unknown as "MAYBE".
        for (Answer answer : Answer.values()) {
            if (answer.name().equals(value)) {
                return answer;
            }
        }
        return null;
    }
}
