package org.waymark.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogueTest {

    private static final List<String> NATIONAL_RULES = List.of("R1", "R2", "R3", "R4", "R6", "R7", "R8", "R9", "R10",
            "R12", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "A1", "A2", "A3", "A4");

    @TempDir
    Path dir;

    private void write(String file, String yaml) throws IOException {
        Files.writeString(dir.resolve(file), yaml);
    }

    @Nested
    class ShippedProfiles {

        private final ProfileCatalogue catalogue = ProfileCatalogue.shipped();

        @Test
        void theFiveProfilesAreShipped() {
            assertThat(catalogue.ids()).containsExactly("derby-derbyshire", "national", "solihull", "west-midlands",
                    "wolverhampton");
            assertThat(catalogue.find(ProfileCatalogue.DEFAULT_PROFILE)).isPresent();
        }

        @Test
        void nationalRunsEveryNationalRuleAndNoLocalVariant() {
            PartnershipProfile national = catalogue.require("national");

            assertThat(national.rules()).containsExactlyInAnyOrderElementsOf(NATIONAL_RULES);
            assertThat(national.escalationThreshold()).isEqualTo(3);
            assertThat(national.dashMediumFrom()).isEqualTo(10);
            assertThat(national.repeatWindowMonths()).isEqualTo(12);
            assertThat(national.childAndFamilyAssessmentIncidents()).isEqualTo(3);
        }

        @Test
        void westMidlandsAndSolihullRunTheNationalRules() {
            assertThat(catalogue.require("west-midlands").rules()).containsExactlyInAnyOrderElementsOf(NATIONAL_RULES);
            assertThat(catalogue.require("solihull").rules()).containsExactlyInAnyOrderElementsOf(NATIONAL_RULES);
            assertThat(catalogue.require("solihull").name()).isEqualTo("Solihull");
        }

        @Test
        void derbyReplacesR4AndC3AndAddsR5AndC6d() {
            Set<String> expected = new HashSet<>(NATIONAL_RULES);
            expected.removeAll(List.of("R4", "C3"));
            expected.addAll(List.of("R4d", "R5", "C3d", "C6d"));

            PartnershipProfile derby = catalogue.require("derby-derbyshire");
            assertThat(derby.rules()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(derby.schoolAgeFrom()).isEqualTo(5);
            assertThat(derby.schoolAgeTo()).isEqualTo(16);
            assertThat(derby.escalationThreshold()).as("inherited from national").isEqualTo(3);
        }

        @Test
        void wolverhamptonAddsTheSinglePointOfContact() {
            Set<String> expected = new HashSet<>(NATIONAL_RULES);
            expected.add("R11");

            assertThat(catalogue.require("wolverhampton").rules()).containsExactlyInAnyOrderElementsOf(expected);
        }

        @Test
        void anUnknownProfileIsABadRequestNamingTheField() {
            assertThatThrownBy(() -> catalogue.require("leeds"))
                    .isInstanceOf(UnknownProfileException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting(FieldProblem::field).containsExactly("profile"))
                    .hasMessageContaining("leeds");
        }
    }

    @Nested
    class ChangesMadeInConfiguration {

        @Test
        void escalationThresholdFourInAProfileFileChangesTheOutcomeWithoutCodeChanges() throws IOException {
            write("west-midlands.yml", """
                    id: west-midlands
                    name: West Midlands (threshold 4)
                    extends: national
                    escalation-threshold: 4
                    """);
            ProfileCatalogue configured = ProfileCatalogue.withDirectory(dir);
            DecisionEngine engine = DecisionEngine.withShippedInstruments();
            CaseFacts threeCallouts = Case.adultVictim().policeCallouts(3).build();
            CaseFacts fourCallouts = Case.adultVictim().policeCallouts(4).build();

            Evaluation before = engine.evaluate(threeCallouts, ProfileCatalogue.shipped().require("west-midlands"));
            Evaluation after = engine.evaluate(threeCallouts, configured.require("west-midlands"));

            assertThat(before.maracCriteria()).containsExactly(ReasonCode.POTENTIAL_ESCALATION);
            assertThat(after.recommends(ActionCode.REFER_MARAC)).isFalse();
            assertThat(engine.evaluate(fourCallouts, configured.require("west-midlands")).maracCriteria())
                    .containsExactly(ReasonCode.POTENTIAL_ESCALATION);
            assertThat(configured.require("national").escalationThreshold()).as("others untouched").isEqualTo(3);
        }

        @Test
        void aNewPartnershipIsJustAFile() throws IOException {
            write("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: wolverhampton
                    remove-rules: [C4]
                    escalation-threshold: 5
                    """);
            ProfileCatalogue catalogue = ProfileCatalogue.withDirectory(dir);

            PartnershipProfile leeds = catalogue.require("leeds");
            assertThat(leeds.rules()).contains("R11").doesNotContain("C4");
            assertThat(leeds.escalationThreshold()).isEqualTo(5);
            assertThat(catalogue.ids()).hasSize(6);
        }

        @Test
        void replacingNationalChangesEveryProfileThatExtendsIt() throws IOException {
            write("national.yml", """
                    id: national
                    name: National
                    rules: [R1, R2, R3, A2]
                    escalation-threshold: 2
                    """);
            ProfileCatalogue catalogue = ProfileCatalogue.withDirectory(dir);

            assertThat(catalogue.require("solihull").rules()).containsExactlyInAnyOrder("R1", "R2", "R3", "A2");
            assertThat(catalogue.require("solihull").escalationThreshold()).isEqualTo(2);
            assertThat(catalogue.require("national").dashMediumFrom()).as("no banding unless configured").isNull();
            assertThat(catalogue.require("derby-derbyshire").rules()).as("R4 and C3 were already gone")
                    .containsExactlyInAnyOrder("R1", "R2", "R3", "A2", "R4d", "R5", "C3d", "C6d");
        }

        @Test
        void aProfileWithoutExtendsListsEveryRuleAndGetsTheDefaults() throws IOException {
            write("minimal.json", """
                    {"id": "minimal", "name": "Minimal", "rules": ["R1", "A2"]}
                    """);
            PartnershipProfile minimal = ProfileCatalogue.withDirectory(dir).require("minimal");

            assertThat(minimal.rules()).containsExactlyInAnyOrder("R1", "A2");
            assertThat(minimal.escalationThreshold()).isEqualTo(PartnershipProfile.DEFAULT_ESCALATION_THRESHOLD);
            assertThat(minimal.dashMediumFrom()).isNull();
        }
    }

    @Nested
    class ValidationOnLoad {

        private void assertRejected(String file, String yaml, String... messageParts) throws IOException {
            write(file, yaml);
            assertThatThrownBy(() -> ProfileCatalogue.withDirectory(dir))
                    .isInstanceOf(RiskConfigurationException.class)
                    .hasMessageContaining(dir.resolve(file).toString())
                    .hasMessageContainingAll(messageParts);
        }

        @Test
        void unknownRuleIdIsRejected() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    add-rules: [R13]
                    """, "field 'add-rules'", "unknown rule 'R13'");
        }

        @Test
        void escalationThresholdBelowOneIsRejected() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    escalation-threshold: 0
                    """, "field 'escalation-threshold'", "at least 1");
        }

        @Test
        void bothVariantsOfARuleAreRejected() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    add-rules: [R4d]
                    """, "both R4 and R4d");
        }

        @Test
        void aMisspeltSettingIsRejectedNotIgnored() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    escalaton-threshold: 4
                    """, "field 'escalaton-threshold' is not a known setting");
        }

        @Test
        void aNonNumberIsRejectedNamingTheField() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    escalation-threshold: three
                    """, "escalation-threshold");
        }

        @Test
        void extendingAnUnknownProfileIsRejected() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: yorkshire
                    """, "field 'extends'", "yorkshire");
        }

        @Test
        void aLoopOfExtendsIsRejected() throws IOException {
            write("a.yml", "id: a\nname: A\nextends: b\n");
            write("b.yml", "id: b\nname: B\nextends: a\n");

            assertThatThrownBy(() -> ProfileCatalogue.withDirectory(dir))
                    .isInstanceOf(RiskConfigurationException.class)
                    .hasMessageContaining("makes a loop");
        }

        @Test
        void theFileMustBeNamedAfterItsId() throws IOException {
            assertRejected("leeds.yml", """
                    id: bradford
                    name: Bradford
                    extends: national
                    """, "field 'id' is 'bradford'", "named 'leeds'");
        }

        @Test
        void removingAnUnknownRuleIsRejected() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    remove-rules: [C33]
                    """, "field 'remove-rules' names unknown rule 'C33'");
        }

        @Test
        void removingARuleTheParentDoesNotRunChangesNothing() throws IOException {
            write("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    remove-rules: [R11]
                    """);

            assertThat(ProfileCatalogue.withDirectory(dir).require("leeds").rules())
                    .containsExactlyInAnyOrderElementsOf(NATIONAL_RULES);
        }

        @Test
        void aFullRuleListCannotBeCombinedWithExtends() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: national
                    rules: [R1]
                    """, "field 'rules' cannot be used with 'extends'");
        }

        @Test
        void aProfileWithoutExtendsMustListItsRules() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    """, "field 'rules' is required");
        }

        @Test
        void aMissingNameIsRejected() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    extends: national
                    """, "field 'name' is required");
        }

        @Test
        void schoolAgesOutOfOrderAreRejected() throws IOException {
            assertRejected("leeds.yml", """
                    id: leeds
                    name: Leeds
                    extends: derby-derbyshire
                    school-age-from: 12
                    school-age-to: 6
                    """, "school-age-from", "school-age-to");
        }

        @Test
        void aMissingDirectoryIsReported() {
            Path missing = dir.resolve("nope");
            assertThatThrownBy(() -> ProfileCatalogue.withDirectory(missing))
                    .isInstanceOf(RiskConfigurationException.class)
                    .hasMessageContaining("is not a directory");
        }
    }
}
