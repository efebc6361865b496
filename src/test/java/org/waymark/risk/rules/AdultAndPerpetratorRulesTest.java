package org.waymark.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.risk.ActionCode.CONSIDER_DVPN;
import static org.waymark.risk.ActionCode.CONSULT_EXISTING_RECORDS;
import static org.waymark.risk.ActionCode.REFER_ADULT_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.SAFETY_PLAN;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waymark.risk.Case;
import org.waymark.risk.CriminalJusticeOutcome;
import org.waymark.risk.Evaluation;
import org.waymark.risk.RecommendedAction;
import org.waymark.risk.RulesTestSupport;

/** Section C of decision-rules.md: adults, perpetrators and protection. */
class AdultAndPerpetratorRulesTest extends RulesTestSupport {

    @Nested
    class A1CareAndSupportNeeds {

        @Test
        void victimWithCareAndSupportNeedsIsReferredToAdultSocialCare() {
            RecommendedAction referral = action(national(Case.adultVictim().victimWithCareAndSupportNeeds()),
                    REFER_ADULT_SOCIAL_CARE);

            assertThat(referral.rules()).containsExactly("A1");
            assertThat(referral.source()).contains("Care Act 2014");
        }

        @Test
        void noCareAndSupportNeedsNoReferral() {
            assertThat(national(Case.adultVictim()).recommends(REFER_ADULT_SOCIAL_CARE)).isFalse();
        }
    }

    @Nested
    class A2EveryNotification {

        @Test
        void everyCaseConsultsExistingRecordsAndMakesASafetyPlan() {
            for (String profile : PROFILES.ids()) {
                Evaluation result = evaluate(Case.adultVictim(), profile);

                assertThat(action(result, CONSULT_EXISTING_RECORDS).rules()).as(profile).containsExactly("A2");
                assertThat(action(result, SAFETY_PLAN).rules()).as(profile).containsExactly("A2");
            }
        }

        @Test
        void aCaseWithNothingElseRecommendsOnlyTheA2Actions() {
            assertThat(national(Case.adultVictim()).actions()).extracting(RecommendedAction::code)
                    .containsExactly(CONSULT_EXISTING_RECORDS, SAFETY_PLAN);
        }
    }

    @Nested
    class A3Dvpn {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = CriminalJusticeOutcome.class,
                names = {"NO_ARREST", "BAILED_WITHOUT_CONDITIONS", "UNDER_INVESTIGATION", "CAUTION", "NO_FURTHER_ACTION"})
        void adultPerpetratorWithoutProtectiveConditionsMeansConsiderADvpn(CriminalJusticeOutcome outcome) {
            RecommendedAction dvpn = action(national(Case.adultVictim().perpetratorAged(18).outcome(outcome)), CONSIDER_DVPN);

            assertThat(dvpn.rules()).containsExactly("A3");
            assertThat(dvpn.source()).isEqualTo("WM-2.24 DVPN/DVPO");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = CriminalJusticeOutcome.class, names = {"CHARGED_BAILED_WITH_CONDITIONS", "CHARGED_REMANDED"})
        void chargedPerpetratorNeedsNoDvpnUnderA3(CriminalJusticeOutcome outcome) {
            assertThat(national(Case.adultVictim().outcome(outcome)).recommends(CONSIDER_DVPN)).isFalse();
        }

        @Test
        void perpetratorAgedSeventeenCannotBeGivenADvpn() {
            Evaluation result = national(Case.adultVictim().perpetratorAged(17).outcome(CriminalJusticeOutcome.NO_ARREST));

            assertThat(result.recommends(CONSIDER_DVPN)).isFalse();
        }

        @Test
        void perpetratorOfUnknownAgeIsStillConsidered() {
            Evaluation result = national(Case.adultVictim().perpetratorAged(null).outcome(CriminalJusticeOutcome.CAUTION));

            assertThat(result.recommends(CONSIDER_DVPN)).isTrue();
        }

        @Test
        void noOutcomeRecordedNoDvpnUnderA3() {
            assertThat(national(Case.adultVictim()).recommends(CONSIDER_DVPN)).isFalse();
        }
    }

    @Nested
    class A4DvpnForMaracCases {

        @Test
        void maracCaseMeansConsiderADvpnEvenWhenCharged() {
            RecommendedAction dvpn = action(national(Case.adultVictim().dashWithYes(14)
                    .outcome(CriminalJusticeOutcome.CHARGED_BAILED_WITH_CONDITIONS)), CONSIDER_DVPN);

            assertThat(dvpn.rules()).containsExactly("A4");
        }

        @Test
        void maracCaseWithNoOutcomeRecordedMeansConsiderADvpn() {
            assertThat(national(Case.adultVictim().dashWithYes(14)).recommends(CONSIDER_DVPN)).isTrue();
        }

        @Test
        void notWhenThePerpetratorIsChargedAndRemanded() {
            Evaluation result = national(Case.adultVictim().dashWithYes(14).outcome(CriminalJusticeOutcome.CHARGED_REMANDED));

            assertThat(result.recommends(CONSIDER_DVPN)).isFalse();
        }

        @Test
        void a3AndA4GiveOneDvpnActionNamingBothRules() {
            RecommendedAction dvpn = action(national(Case.adultVictim().policeCallouts(3)
                    .outcome(CriminalJusticeOutcome.NO_FURTHER_ACTION)), CONSIDER_DVPN);

            assertThat(dvpn.rules()).containsExactly("A3", "A4");
            assertThat(dvpn.source()).isEqualTo("WM-2.24 DVPN/DVPO; WM-2.24 DVPN/DVPO (cases referred by MARAC)");
        }
    }
}
