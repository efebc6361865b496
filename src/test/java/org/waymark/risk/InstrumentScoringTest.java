package org.waymark.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentScoringTest {

    private static final InstrumentCatalogue CATALOGUE = InstrumentCatalogue.shipped();
    private static final Instrument DASH = CATALOGUE.latest(InstrumentCatalogue.DASH_RIC).orElseThrow();
    private static final Instrument DVRIM = CATALOGUE.latest(InstrumentCatalogue.DVRIM).orElseThrow();

    private static Map<Integer, Answer> yes(int count) {
        Map<Integer, Answer> answers = new TreeMap<>();
        for (int q = 1; q <= 24; q++) {
            answers.put(q, q <= count ? Answer.YES : Answer.NO);
        }
        return answers;
    }

    @Nested
    class Checklists {

        @Test
        void fourteenYesIsVisibleHighRisk() {
            InstrumentScoring.ChecklistScore score = InstrumentScoring.score(DASH, yes(14));

            assertThat(score.yesCount()).isEqualTo(14);
            assertThat(score.visibleHighRisk()).isTrue();
            assertThat(score.thresholdsReached()).containsExactly(Instrument.VISIBLE_HIGH_RISK);
        }

        @Test
        void thirteenYesIsNotVisibleHighRisk() {
            InstrumentScoring.ChecklistScore score = InstrumentScoring.score(DASH, yes(13));

            assertThat(score.yesCount()).isEqualTo(13);
            assertThat(score.visibleHighRisk()).isFalse();
            assertThat(score.thresholdsReached()).isEmpty();
        }

        @Test
        void yesToIsolationAndStalkingCallsForBothSupplements() {
            InstrumentScoring.ChecklistScore score = InstrumentScoring.score(DASH,
                    Map.of(4, Answer.YES, 8, Answer.YES, 17, Answer.NO));

            assertThat(score.supplementsNeeded()).containsExactly("hbv", "s-dash");
        }

        @Test
        void fearOfOtherPeopleAloneCallsForTheHonourBasedViolenceQuestions() {
            assertThat(InstrumentScoring.score(DASH, Map.of(17, Answer.YES)).supplementsNeeded()).containsExactly("hbv");
        }

        @Test
        void notKnownDoesNotTriggerASupplementOrCount() {
            InstrumentScoring.ChecklistScore score = InstrumentScoring.score(DASH, Map.of(8, Answer.NOT_KNOWN));

            assertThat(score.supplementsNeeded()).isEmpty();
            assertThat(score.yesCount()).isZero();
        }

        @Test
        void unansweredQuestionsAreListedForTheCheckYourAnswersPage() {
            InstrumentScoring.ChecklistScore score = InstrumentScoring.score(DASH, Map.of(1, Answer.YES, 24, Answer.NO));

            assertThat(score.unansweredQuestions()).hasSize(22).doesNotContain(1, 24).contains(2, 23);
        }

        @Test
        void questionNumbersOutsideTheInstrumentAreRejectedAllAtOnce() {
            Map<Integer, Answer> answers = new LinkedHashMap<>(yes(3));
            answers.put(25, Answer.YES);
            answers.put(0, Answer.NO);

            assertThatThrownBy(() -> InstrumentScoring.score(DASH, answers))
                    .isInstanceOf(InvalidAnswersException.class)
                    .satisfies(e -> assertThat(((InvalidAnswersException) e).problems())
                            .extracting(FieldProblem::field).containsExactlyInAnyOrder("answers.25", "answers.0"))
                    .hasMessageContaining("not a question of dash-ric 1.0 (questions 1 to 24)");
        }

        @Test
        void aScaleCannotBeScoredAsAChecklist() {
            assertThatThrownBy(() -> InstrumentScoring.score(DVRIM, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a checklist");
        }
    }

    @Nested
    class RequestAnswers {

        @Test
        void answersAsTheyArriveInARequestAreRead() {
            Map<Integer, Answer> answers = InstrumentScoring.parseAnswers(DASH,
                    Map.of("1", "YES", "2", "NO", "24", "NOT_KNOWN"), "dash.answers");

            assertThat(answers).containsExactly(Map.entry(1, Answer.YES), Map.entry(2, Answer.NO),
                    Map.entry(24, Answer.NOT_KNOWN));
        }

        @Test
        void everyBadKeyAndValueIsNamed() {
            Map<String, String> raw = new LinkedHashMap<>();
            raw.put("1", "YES");
            raw.put("25", "YES");
            raw.put("abc", "NO");
            raw.put("3", "MAYBE");
            raw.put("4", "yes");

            assertThatThrownBy(() -> InstrumentScoring.parseAnswers(DASH, raw, "dash.answers"))
                    .isInstanceOf(InvalidAnswersException.class)
                    .satisfies(e -> assertThat(((InvalidAnswersException) e).problems()).extracting(FieldProblem::field)
                            .containsExactly("dash.answers.25", "dash.answers.abc", "dash.answers.3", "dash.answers.4"))
                    .hasMessageContaining("was 'MAYBE'");
        }
    }

    @Nested
    class CompletedAssessments {

        @Test
        void aScoredAssessmentKeepsTheInstrumentVersionAndEveryDetail() {
            Map<Integer, QuestionAnswer> answers = new TreeMap<>();
            answers.put(1, new QuestionAnswer(Answer.YES, "bruised arm", "victim"));
            answers.put(2, QuestionAnswer.of(Answer.NOT_KNOWN));
            answers.put(8, new QuestionAnswer(Answer.YES, "messages every hour", "police records"));

            ScoredAssessment assessment = InstrumentScoring.assess(DASH, answers);

            assertThat(assessment.instrumentId()).isEqualTo("dash-ric");
            assertThat(assessment.instrumentVersion()).isEqualTo("1.0");
            assertThat(assessment.score().yesCount()).isEqualTo(2);
            assertThat(assessment.score().supplementsNeeded()).containsExactly("s-dash");
            assertThat(assessment.answers().get(8).source()).isEqualTo("police records");
            assertThat(assessment.answers().get(1).detail()).isEqualTo("bruised arm");
        }
    }

    @Nested
    class DvrimUplift {

        @ParameterizedTest(name = "scale {0}, child aged {1}, special needs {2} -> scale {3}")
        @CsvSource({
                "1, 6,  false, 3",
                "2, 6,  false, 3",
                "3, 6,  false, 4",
                "4, 6,  false, 4",
                "1, 7,  false, 1",
                "3, 7,  false, 3",
                "2, 12, true,  3",
                "3, 12, true,  4",
                "2, 12, false, 2",
                "1, 0,  false, 3",
        })
        void aYoungerOrMoreVulnerableChildRaisesTheScale(int scale, int age, boolean specialNeeds, int expected) {
            assertThat(InstrumentScoring.upliftedLevel(DVRIM, scale, age, specialNeeds)).isEqualTo(expected);
        }

        @Test
        void unknownAgeWithoutSpecialNeedsLeavesTheScale() {
            assertThat(InstrumentScoring.upliftedLevel(DVRIM, 2, null, false)).isEqualTo(2);
        }

        @Test
        void aLevelNotOnTheScaleIsRejected() {
            assertThatThrownBy(() -> InstrumentScoring.upliftedLevel(DVRIM, 5, 3, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no level 5");
        }

        @Test
        void aChecklistHasNoUplift() {
            assertThatThrownBy(() -> InstrumentScoring.upliftedLevel(DASH, 1, 3, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
