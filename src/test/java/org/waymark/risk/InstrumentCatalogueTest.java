package org.waymark.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentCatalogueTest {

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
    }

    @Nested
    class ShippedInstruments {

        private final InstrumentCatalogue catalogue = InstrumentCatalogue.shipped();

        @Test
        void dashRiskChecklistHasTwentyFourQuestionsAndVisibleHighRiskAtFourteen() {
            Instrument dash = catalogue.latest(InstrumentCatalogue.DASH_RIC).orElseThrow();

            assertThat(dash.kind()).isEqualTo(Instrument.Kind.CHECKLIST);
            assertThat(dash.version()).isEqualTo("1.0");
            assertThat(dash.questions()).extracting(Instrument.Question::number)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
            assertThat(dash.questions()).allSatisfy(q -> {
                assertThat(q.label()).isNotBlank();
                assertThat(q.section()).isNotNull();
                assertThat(q.scoresOn()).containsExactly(Answer.YES);
            });
            assertThat(dash.threshold(Instrument.VISIBLE_HIGH_RISK).orElseThrow().atLeast()).isEqualTo(14);
            assertThat(dash.sections()).hasSize(4);
            assertThat(dash.questionsIn("current-situation")).hasSize(8);
        }

        @Test
        void isolationAndFearOfOthersPointToTheHonourBasedViolenceQuestionsAndStalkingToTheSDash() {
            Instrument dash = catalogue.latest(InstrumentCatalogue.DASH_RIC).orElseThrow();

            assertThat(dash.question(4).orElseThrow().triggersSupplement()).isEqualTo("hbv");
            assertThat(dash.question(17).orElseThrow().triggersSupplement()).isEqualTo("hbv");
            assertThat(dash.question(8).orElseThrow().triggersSupplement()).isEqualTo(InstrumentCatalogue.S_DASH);
            assertThat(dash.questions()).filteredOn(q -> q.triggersSupplement() != null)
                    .extracting(Instrument.Question::number).containsExactly(4, 8, 17);
        }

        @Test
        void stalkingQuestionsAreElevenWithNoCutOff() {
            Instrument sdash = catalogue.find(InstrumentCatalogue.S_DASH, "1.0").orElseThrow();

            assertThat(sdash.questions()).hasSize(11);
            assertThat(sdash.thresholds()).isEmpty();
        }

        @Test
        void childrensMatrixIsAScaleOfFourWithItsThresholdsUpliftAndNoInventedIndicators() {
            Instrument dvrim = catalogue.latest(InstrumentCatalogue.DVRIM).orElseThrow();

            assertThat(dvrim.kind()).isEqualTo(Instrument.Kind.SCALE);
            assertThat(dvrim.scaleLevels()).extracting(Instrument.ScaleLevel::level).containsExactly(1, 2, 3, 4);
            assertThat(dvrim.scaleLevels()).extracting(Instrument.ScaleLevel::name)
                    .containsExactly("Moderate", "Moderate to serious", "Serious", "Severe");
            assertThat(dvrim.scaleLevel(3).orElseThrow().threshold()).contains("CAF level 3");
            assertThat(dvrim.scaleLevel(4).orElseThrow().threshold()).contains("CAF level 4");
            assertThat(dvrim.uplift().underAgeYears()).isEqualTo(7);
            assertThat(dvrim.uplift().specialNeeds()).isTrue();
            assertThat(dvrim.uplift().raisesTo()).isEqualTo(Map.of(1, 3, 2, 3, 3, 4));
            assertThat(dvrim.indicators()).isEmpty();
            assertThat(dvrim.questions()).isEmpty();
        }

        @Test
        void noHonourBasedViolenceOrYoungPeoplesChecklistIsShipped() {
            assertThat(catalogue.all()).extracting(Instrument::id).containsExactly("dash-ric", "dvrim", "s-dash");
        }
    }

    @Nested
    class PartnershipInstruments {

        @Test
        void aFileWithTheSameIdAndVersionReplacesTheShippedInstrument() throws IOException {
            write("dash-licensed.yml", """
                    id: s-dash
                    version: "1.0"
                    title: Licensed stalking questions
                    kind: checklist
                    questions:
                      - {number: 1, label: "Licensed wording one"}
                      - {number: 2, label: "Licensed wording two"}
                    """);
            InstrumentCatalogue catalogue = InstrumentCatalogue.withDirectory(dir);

            Instrument sdash = catalogue.find("s-dash", "1.0").orElseThrow();
            assertThat(sdash.title()).isEqualTo("Licensed stalking questions");
            assertThat(sdash.question(1).orElseThrow().label()).isEqualTo("Licensed wording one");
            assertThat(catalogue.versions("s-dash")).hasSize(1);
        }

        @Test
        void aNewVersionIsAddedAlongsideAndBecomesTheLatest() throws IOException {
            write("dvrim-1.10.json", """
                    {"id": "dvrim", "version": "1.10", "title": "Matrix", "kind": "SCALE",
                     "scale-levels": [{"level": 1, "name": "Low"}, {"level": 2, "name": "High"}]}
                    """);
            write("dvrim-1.9.yaml", """
                    id: dvrim
                    version: "1.9"
                    title: Matrix
                    kind: scale
                    scale-levels: [{level: 1, name: Low}]
                    """);
            InstrumentCatalogue catalogue = InstrumentCatalogue.withDirectory(dir);

            assertThat(catalogue.versions("dvrim")).extracting(Instrument::version).containsExactly("1.0", "1.9", "1.10");
            assertThat(catalogue.latest("dvrim").orElseThrow().version()).isEqualTo("1.10");
            assertThat(catalogue.find("dvrim", "1.0")).isPresent();
        }

        @Test
        void honourBasedViolenceQuestionsCanBeLoadedAsDataLater() throws IOException {
            // Test fixture wording only: the real questions are not shipped (instruments.md: not found).
            write("hbv.yml", """
                    id: hbv
                    version: "2026.1"
                    title: Fixture HBV questions
                    kind: checklist
                    questions:
                      - {number: 1, label: "Fixture question one", help: "fixture"}
                      - {number: 2, label: "Fixture question two", scores-on: [YES, NOT_KNOWN]}
                    thresholds:
                      - {id: refer, at-least: 2, meaning: fixture}
                    """);
            Instrument hbv = InstrumentCatalogue.withDirectory(dir).latest("hbv").orElseThrow();

            InstrumentScoring.ChecklistScore score = InstrumentScoring.score(hbv, Map.of(1, Answer.YES, 2, Answer.NOT_KNOWN));
            assertThat(score.yesCount()).isEqualTo(2);
            assertThat(score.thresholdsReached()).containsExactly("refer");
        }

        @Test
        void matrixIndicatorRowsCanBeLoadedAsDataLater() throws IOException {
            write("dvrim.yml", """
                    id: dvrim
                    version: "2.0"
                    title: Fixture matrix
                    kind: scale
                    scale-levels: [{level: 1, name: One}, {level: 2, name: Two}]
                    indicators:
                      - id: fixture-row
                        heading: Fixture row
                        descriptions: {1: fixture one, 2: fixture two}
                    """);
            Instrument dvrim = InstrumentCatalogue.withDirectory(dir).latest("dvrim").orElseThrow();

            assertThat(dvrim.indicators()).singleElement()
                    .satisfies(row -> assertThat(row.descriptions()).containsEntry(2, "fixture two"));
        }
    }

    @Nested
    class ValidationOnLoad {

        private void assertRejected(String yaml, String... messageParts) throws IOException {
            write("bad.yml", yaml);
            assertThatThrownBy(() -> InstrumentCatalogue.withDirectory(dir))
                    .isInstanceOf(RiskConfigurationException.class)
                    .hasMessageContaining(dir.resolve("bad.yml").toString())
                    .hasMessageContainingAll(messageParts);
        }

        @Test
        void aRepeatedQuestionNumberIsRejected() throws IOException {
            assertRejected("""
                    id: x
                    version: "1"
                    title: X
                    kind: checklist
                    questions: [{number: 1, label: a}, {number: 1, label: b}]
                    """, "field 'questions[1].number'");
        }

        @Test
        void aQuestionInAnUnknownSectionIsRejected() throws IOException {
            assertRejected("""
                    id: x
                    version: "1"
                    title: X
                    kind: checklist
                    sections: [{id: one, title: One}]
                    questions: [{number: 1, label: a, section: two}]
                    """, "field 'questions[0].section'", "'two'");
        }

        @Test
        void aThresholdAboveTheNumberOfQuestionsIsRejected() throws IOException {
            assertRejected("""
                    id: x
                    version: "1"
                    title: X
                    kind: checklist
                    questions: [{number: 1, label: a}]
                    thresholds: [{id: high, at-least: 14}]
                    """, "field 'thresholds[0].at-least'");
        }

        @Test
        void anUpliftThatLowersTheLevelIsRejected() throws IOException {
            assertRejected("""
                    id: x
                    version: "1"
                    title: X
                    kind: scale
                    scale-levels: [{level: 1, name: a}, {level: 2, name: b}]
                    uplift: {under-age-years: 7, raises-to: {2: 1}}
                    """, "field 'uplift.raises-to'");
        }

        @Test
        void aMisspeltKeyIsRejected() throws IOException {
            assertRejected("""
                    id: x
                    version: "1"
                    title: X
                    kind: checklist
                    questions: [{number: 1, lable: a}]
                    """, "field 'questions[0].lable' is not a known setting");
        }

        @Test
        void aMissingKindIsRejected() throws IOException {
            assertRejected("""
                    id: x
                    version: "1"
                    title: X
                    """, "field 'kind' is required");
        }

        @Test
        void anUnknownAnswerInScoresOnIsRejected() throws IOException {
            assertRejected("""
                    id: x
                    version: "1"
                    title: X
                    kind: checklist
                    questions: [{number: 1, label: a, scores-on: [MAYBE]}]
                    """, "scores-on");
        }

        @Test
        void theSameIdAndVersionTwiceInOneDirectoryIsRejected() throws IOException {
            write("a.yml", "id: x\nversion: \"1\"\ntitle: X\nkind: scale\nscale-levels: [{level: 1, name: a}]\n");
            write("b.yml", "id: x\nversion: \"1\"\ntitle: X\nkind: scale\nscale-levels: [{level: 1, name: a}]\n");

            assertThatThrownBy(() -> InstrumentCatalogue.withDirectory(dir))
                    .isInstanceOf(RiskConfigurationException.class)
                    .hasMessageContaining("also defined in");
        }
    }
}
