package org.waymark.risk;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A risk instrument as versioned data: a checklist (questions answered YES, NO or NOT_KNOWN and
 * scored) or a scale (levels 1 to n with their meaning). Loaded by {@link InstrumentCatalogue};
 * a partnership can add an instrument or replace one (for example with official wording it holds a
 * licence for) without a code change.
 *
 * @param id          stable id, e.g. {@code dash-ric}
 * @param version     the version answers were given on; a completed assessment keeps it
 * @param title       name shown to practitioners
 * @param summary     when to use it, in a sentence or two
 * @param source      where the content comes from, and whether the wording is paraphrased
 * @param kind        CHECKLIST or SCALE
 * @param sections    groups of questions (pages in the product)
 * @param questions   CHECKLIST: the questions in order
 * @param thresholds  CHECKLIST: named score thresholds, e.g. {@code visible-high-risk} at 14
 * @param scaleLevels SCALE: each level's name, meaning and the response it calls for
 * @param uplift      SCALE: how a more vulnerable child raises the level, if the instrument says so
 * @param indicators  SCALE: indicator rows with a description per level, when known
 */
public record Instrument(
        String id,
        String version,
        String title,
        String summary,
        String source,
        Kind kind,
        List<Section> sections,
        List<Question> questions,
        List<Threshold> thresholds,
        List<ScaleLevel> scaleLevels,
        Uplift uplift,
        List<Indicator> indicators) {

    /** Threshold id that R1 reads on the DASH: 14 or more "yes" is visible high risk. */
    public static final String VISIBLE_HIGH_RISK = "visible-high-risk";

    public enum Kind {
        CHECKLIST, SCALE
    }

    public Instrument {
        sections = sections == null ? List.of() : List.copyOf(sections);
        questions = questions == null ? List.of() : List.copyOf(questions);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        scaleLevels = scaleLevels == null ? List.of() : List.copyOf(scaleLevels);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** A group of questions shown together. */
    public record Section(String id, String title, String help) {
    }

    /**
     * One question.
     *
     * @param number             its number on the form (answers are keyed by it)
     * @param section            id of its section, or null
     * @param label              the question, short and plain
     * @param help               what to consider when answering
     * @param scoresOn           the answers that add 1 to the score (YES unless said otherwise)
     * @param triggersSupplement id of a supplementary instrument to complete when the answer is
     *                           YES (e.g. {@code s-dash}, {@code hbv}), or null
     */
    public record Question(int number, String section, String label, String help, Set<Answer> scoresOn,
                           String triggersSupplement) {
        public Question {
            scoresOn = scoresOn == null || scoresOn.isEmpty()
                    ? Collections.unmodifiableSet(EnumSet.of(Answer.YES))
                    : Collections.unmodifiableSet(EnumSet.copyOf(scoresOn));
        }
    }

    /** A score threshold: reached when the score is at least {@code atLeast}. */
    public record Threshold(String id, int atLeast, String meaning) {
    }

    /**
     * A level of a scale instrument.
     *
     * @param threshold the matching threshold of need (e.g. CAF level 3, child in need)
     * @param response  what the level calls for
     */
    public record ScaleLevel(int level, String name, String meaning, String threshold, String response) {
    }

    /**
     * How a more vulnerable child raises a scale level: a child under {@code underAgeYears}, or
     * with special needs when {@code specialNeeds} is set, is moved from a level to
     * {@code raisesTo.get(level)} (levels not listed stay as they are).
     */
    public record Uplift(Integer underAgeYears, boolean specialNeeds, Map<Integer, Integer> raisesTo, String note) {
        public Uplift {
            raisesTo = raisesTo == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(raisesTo));
        }
    }

    /** An indicator row of a matrix: what it looks like at each level. */
    public record Indicator(String id, String heading, Map<Integer, String> descriptions) {
        public Indicator {
            descriptions = descriptions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(descriptions));
        }
    }

    public Optional<Question> question(int number) {
        for (Question question : questions) {
            if (question.number() == number) {
                return Optional.of(question);
            }
        }
        return Optional.empty();
    }

    public Optional<Threshold> threshold(String thresholdId) {
        return thresholds.stream().filter(t -> t.id().equals(thresholdId)).findFirst();
    }

    public Optional<ScaleLevel> scaleLevel(int level) {
        return scaleLevels.stream().filter(l -> l.level() == level).findFirst();
    }

    /** The questions of one section, in order. */
    public List<Question> questionsIn(String sectionId) {
        return questions.stream().filter(q -> sectionId.equals(q.section())).toList();
    }
}
