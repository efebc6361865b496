package org.waymark.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.risk.ActionCode.CHILD_PROTECTION_PROCESS;
import static org.waymark.risk.ActionCode.COMPLETE_DASH;
import static org.waymark.risk.ActionCode.CONSIDER_DVPN;
import static org.waymark.risk.ActionCode.COPY_MARAC_REFERRAL_TO_MASH;
import static org.waymark.risk.ActionCode.MAPPA_LEADS;
import static org.waymark.risk.ActionCode.REFER_CHILDRENS_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.REFER_IDVA;
import static org.waymark.risk.ActionCode.REFER_MARAC;
import static org.waymark.risk.ActionCode.REFER_SPOC;
import static org.waymark.risk.ReasonCode.HONOUR_BASED_VIOLENCE;
import static org.waymark.risk.ReasonCode.POTENTIAL_ESCALATION;
import static org.waymark.risk.ReasonCode.PROFESSIONAL_JUDGEMENT;
import static org.waymark.risk.ReasonCode.REPEAT_WITHIN_12_MONTHS;
import static org.waymark.risk.ReasonCode.UNBORN_CHILD;
import static org.waymark.risk.ReasonCode.VICTIM_UNDER_16;
import static org.waymark.risk.ReasonCode.VISIBLE_HIGH_RISK;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waymark.risk.Answer;
import org.waymark.risk.Case;
import org.waymark.risk.Case.Kid;
import org.waymark.risk.CriminalJusticeOutcome;
import org.waymark.risk.Evaluation;
import org.waymark.risk.RecommendedAction;
import org.waymark.risk.RiskLevel;
import org.waymark.risk.RulesTestSupport;

/** Section A of decision-rules.md: risk level and MARAC. National profile unless a test says otherwise. */
class RiskAndMaracRulesTest extends RulesTestSupport {

    @Nested
    class R1VisibleHighRisk {

        @Test
        void fourteenYesAnswersIsVisibleHighRisk() {
            Evaluation result = national(Case.adultVictim().dashWithYes(14));

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            assertThat(result.dashYesCount()).isEqualTo(14);
            assertThat(result.maracCriteria()).containsExactly(VISIBLE_HIGH_RISK);
            RecommendedAction marac = action(result, REFER_MARAC);
            assertThat(marac.reasons()).containsExactly(VISIBLE_HIGH_RISK);
            assertThat(marac.rules()).containsExactly("R1");
            assertThat(marac.source()).isEqualTo("WM-2.24 MARAC criteria");
            assertThat(marac.childIndex()).isNull();
        }

        @Test
        void thirteenYesAnswersIsNotVisibleHighRisk() {
            Evaluation result = national(Case.adultVictim().dashWithYes(13));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
            assertThat(result.maracCriteria()).isEmpty();
            assertThat(result.dashYesCount()).isEqualTo(13);
            assertThat(result.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        }

        @Test
        void notKnownAnswersAreNeverCountedAsYes() {
            Map<Integer, Answer> answers = new LinkedHashMap<>();
            for (int q = 1; q <= 24; q++) {
                answers.put(q, q <= 13 ? Answer.YES : Answer.NOT_KNOWN);
            }
            Evaluation result = national(Case.adultVictim().dashAnswers(answers));

            assertThat(result.dashYesCount()).isEqualTo(13);
            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }

        @Test
        void unansweredQuestionsDoNotCount() {
            Map<Integer, Answer> answers = new LinkedHashMap<>();
            for (int q = 1; q <= 14; q++) {
                answers.put(q, Answer.YES);
            }
            Evaluation result = national(Case.adultVictim().dashAnswers(answers));

            assertThat(result.dashYesCount()).isEqualTo(14);
            assertThat(result.recommends(REFER_MARAC)).isTrue();
        }

        @Test
        void visibleHighRiskRaisesAnAssessorsLowerLevel() {
            Evaluation result = national(Case.adultVictim().dashWithYes(15).assessed(RiskLevel.STANDARD));

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            assertThat(result.maracCriteria()).containsExactly(VISIBLE_HIGH_RISK);
        }

        @Test
        void withoutADashThereIsNoYesCount() {
            Evaluation result = national(Case.adultVictim());

            assertThat(result.dashYesCount()).isNull();
            assertThat(result.riskLevel()).isNull();
        }
    }

    @Nested
    class R2PotentialEscalation {

        @Test
        void threeCalloutsInTwelveMonthsIsPotentialEscalation() {
            Evaluation result = national(Case.adultVictim().policeCallouts(3).assessed(RiskLevel.STANDARD));

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            RecommendedAction marac = action(result, REFER_MARAC);
            assertThat(marac.reasons()).containsExactly(POTENTIAL_ESCALATION);
            assertThat(marac.rules()).containsExactly("R2");
            assertThat(marac.source()).contains("SafeLives referral criteria");
        }

        @Test
        void twoCalloutsIsNotEscalation() {
            Evaluation result = national(Case.adultVictim().policeCallouts(2).assessed(RiskLevel.STANDARD));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
            assertThat(result.riskLevel()).isEqualTo(RiskLevel.STANDARD);
        }

        @Test
        void missingCalloutsCountAsNone() {
            Evaluation result = national(Case.adultVictim().policeCallouts(null).dvaIncidents(5));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }

        @Test
        void otherDvaIncidentsAreNotPoliceCallouts() {
            Evaluation result = national(Case.adultVictim().policeCallouts(1).dvaIncidents(4));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }
    }

    @Nested
    class R3ProfessionalJudgement {

        @Test
        void seriousConcernAloneMakesAMaracCaseBelowFourteenYes() {
            Evaluation result = national(Case.adultVictim().dashWithYes(4).assessed(RiskLevel.STANDARD)
                    .professionalJudgementOfSeriousConcern());

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            RecommendedAction marac = action(result, REFER_MARAC);
            assertThat(marac.reasons()).containsExactly(PROFESSIONAL_JUDGEMENT);
            assertThat(marac.rules()).containsExactly("R3");
        }

        @Test
        void assessorGradingHighBelowFourteenYesIsProfessionalJudgement() {
            Evaluation result = national(Case.adultVictim().dashWithYes(9).assessed(RiskLevel.HIGH));

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            assertThat(result.maracCriteria()).containsExactly(PROFESSIONAL_JUDGEMENT);
        }

        @Test
        void assessorGradingHighWithFourteenYesIsOnlyVisibleHighRisk() {
            Evaluation result = national(Case.adultVictim().dashWithYes(15).assessed(RiskLevel.HIGH));

            assertThat(result.maracCriteria()).containsExactly(VISIBLE_HIGH_RISK);
            assertThat(action(result, REFER_MARAC).rules()).containsExactly("R1");
        }

        @Test
        void noConcernAndALowerGradeIsNotAMaracCase() {
            Evaluation result = national(Case.adultVictim().dashWithYes(12).assessed(RiskLevel.MEDIUM));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
            assertThat(result.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        }

        @Test
        void allCriteriaMetAreListedInTableOrder() {
            Evaluation result = national(Case.adultVictim().dashWithYes(20).policeCallouts(4)
                    .professionalJudgementOfSeriousConcern().monthsSinceLastMarac(2));

            assertThat(result.maracCriteria()).containsExactly(VISIBLE_HIGH_RISK, POTENTIAL_ESCALATION,
                    PROFESSIONAL_JUDGEMENT, REPEAT_WITHIN_12_MONTHS);
            assertThat(action(result, REFER_MARAC).rules()).containsExactly("R1", "R2", "R3", "R4");
        }
    }

    @Nested
    class R4RepeatWithinTwelveMonths {

        @Test
        void furtherAbuseElevenMonthsAfterAReferralIsARepeat() {
            Evaluation result = national(Case.adultVictim().assessed(RiskLevel.STANDARD).monthsSinceLastMarac(11));

            RecommendedAction marac = action(result, REFER_MARAC);
            assertThat(marac.reasons()).containsExactly(REPEAT_WITHIN_12_MONTHS);
            assertThat(marac.rules()).containsExactly("R4");
            assertThat(marac.source()).isEqualTo("SafeLives repeat definition");
        }

        @Test
        void twelveMonthsAfterAReferralIsANewCaseNotARepeat() {
            Evaluation result = national(Case.adultVictim().assessed(RiskLevel.STANDARD).monthsSinceLastMarac(12));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }

        @Test
        void aRepeatNeedNotBeHighRiskAndDoesNotRaiseTheLevel() {
            Evaluation result = national(Case.adultVictim().assessed(RiskLevel.STANDARD).monthsSinceLastMarac(0));

            assertThat(result.recommends(REFER_MARAC)).isTrue();
            assertThat(result.riskLevel()).isEqualTo(RiskLevel.STANDARD);
        }

        @Test
        void aVictimNeverReferredIsNotARepeat() {
            Evaluation result = national(Case.adultVictim().assessed(RiskLevel.MEDIUM).monthsSinceLastMarac(null));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }
    }

    @Nested
    class R4dDerbyReReferral {

        @Test
        void derbyDoesNotReReferAStandardRiskIncident() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.STANDARD).monthsSinceLastMarac(3),
                    "derby-derbyshire");

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }

        @Test
        void derbyReRefersAMediumRiskIncidentWithinTwelveMonths() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.MEDIUM).monthsSinceLastMarac(11),
                    "derby-derbyshire");

            RecommendedAction marac = action(result, REFER_MARAC);
            assertThat(marac.reasons()).containsExactly(REPEAT_WITHIN_12_MONTHS);
            assertThat(marac.rules()).containsExactly("R4d");
            assertThat(marac.source()).isEqualTo("DDSCP re-referral");
        }

        @Test
        void derbyReRefersAHighRiskIncident() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.HIGH).monthsSinceLastMarac(5),
                    "derby-derbyshire");

            assertThat(action(result, REFER_MARAC).rules()).contains("R4d");
        }

        @Test
        void derbyMediumRiskTwelveMonthsLaterIsNotARepeat() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.MEDIUM).monthsSinceLastMarac(12),
                    "derby-derbyshire");

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }

        @Test
        void derbyReadsTheDashBandWhenTheAssessorGivesNoLevel() {
            Evaluation medium = evaluate(Case.adultVictim().dashWithYes(10).monthsSinceLastMarac(5), "derby-derbyshire");
            Evaluation standard = evaluate(Case.adultVictim().dashWithYes(9).monthsSinceLastMarac(5), "derby-derbyshire");

            assertThat(medium.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(medium.recommends(REFER_MARAC)).isTrue();
            assertThat(standard.riskLevel()).isEqualTo(RiskLevel.STANDARD);
            assertThat(standard.recommends(REFER_MARAC)).isFalse();
        }

        @Test
        void derbyDoesNotReReferWhenNoLevelIsKnown() {
            Evaluation result = evaluate(Case.adultVictim().monthsSinceLastMarac(2), "derby-derbyshire");

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }

        @Test
        void theSameStandardRiskRepeatIsReferredUnderTheNationalRule() {
            Case c = Case.adultVictim().assessed(RiskLevel.STANDARD).monthsSinceLastMarac(3);

            assertThat(evaluate(c, "national").recommends(REFER_MARAC)).isTrue();
            assertThat(evaluate(c, "west-midlands").recommends(REFER_MARAC)).isTrue();
            assertThat(evaluate(c, "solihull").recommends(REFER_MARAC)).isTrue();
            assertThat(evaluate(c, "wolverhampton").recommends(REFER_MARAC)).isTrue();
            assertThat(evaluate(c, "derby-derbyshire").recommends(REFER_MARAC)).isFalse();
        }
    }

    @Nested
    class R5DerbyMediumWithSeriousConcern {

        @Test
        void derbyMediumRiskWithSeriousConcernIsAMaracCase() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.MEDIUM)
                    .professionalJudgementOfSeriousConcern(), "derby-derbyshire");

            RecommendedAction marac = action(result, REFER_MARAC);
            assertThat(marac.reasons()).containsExactly(PROFESSIONAL_JUDGEMENT);
            assertThat(marac.rules()).containsExactly("R3", "R5");
            assertThat(marac.source()).contains("DDSCP");
        }

        @Test
        void r5DoesNotRunOutsideDerby() {
            Evaluation result = national(Case.adultVictim().assessed(RiskLevel.MEDIUM)
                    .professionalJudgementOfSeriousConcern());

            assertThat(action(result, REFER_MARAC).rules()).containsExactly("R3");
        }

        @Test
        void r5NeedsAMediumAssessment() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.STANDARD)
                    .professionalJudgementOfSeriousConcern(), "derby-derbyshire");

            assertThat(action(result, REFER_MARAC).rules()).containsExactly("R3");
        }

        @Test
        void r5NeedsTheSeriousConcern() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.MEDIUM), "derby-derbyshire");

            assertThat(result.recommends(REFER_MARAC)).isFalse();
        }
    }

    @Nested
    class R6IdvaForEveryMaracCase {

        @Test
        void everyMaracCaseIsReferredToAnIdva() {
            Evaluation result = national(Case.adultVictim().policeCallouts(3));

            RecommendedAction idva = action(result, REFER_IDVA);
            assertThat(idva.rules()).containsExactly("R6");
            assertThat(idva.reasons()).isEmpty();
            assertThat(idva.source()).contains("WOLV");
        }

        @Test
        void noIdvaReferralWithoutAMaracReferral() {
            assertThat(national(Case.adultVictim().dashWithYes(13)).recommends(REFER_IDVA)).isFalse();
        }
    }

    @Nested
    class R7UnbornChildCopyToMash {

        @Test
        void maracReferralOfAPregnantVictimIsCopiedToTheMash() {
            Evaluation result = national(Case.adultVictim().pregnantVictim().dashWithYes(14));

            RecommendedAction copy = action(result, COPY_MARAC_REFERRAL_TO_MASH);
            assertThat(copy.reasons()).containsExactly(UNBORN_CHILD);
            assertThat(copy.rules()).containsExactly("R7");
        }

        @Test
        void maracReferralWithAListedUnbornChildIsCopiedToTheMash() {
            Evaluation result = national(Case.adultVictim().child(Kid.unborn()).policeCallouts(3));

            assertThat(result.recommends(COPY_MARAC_REFERRAL_TO_MASH)).isTrue();
        }

        @Test
        void noCopyWithoutAnUnbornChild() {
            Evaluation result = national(Case.adultVictim().child(Kid.aged(0)).dashWithYes(14));

            assertThat(result.recommends(COPY_MARAC_REFERRAL_TO_MASH)).isFalse();
        }

        @Test
        void noCopyWithoutAMaracReferral() {
            Evaluation result = national(Case.adultVictim().pregnantVictim().dashWithYes(5));

            assertThat(result.recommends(COPY_MARAC_REFERRAL_TO_MASH)).isFalse();
        }
    }

    @Nested
    class R8Mappa {

        @ParameterizedTest(name = "MAPPA level {0} leads over MARAC")
        @ValueSource(ints = {2, 3})
        void mappaLevelTwoOrThreeLeadsOverMarac(int level) {
            RecommendedAction mappa = action(national(Case.adultVictim().mappaLevel(level)), MAPPA_LEADS);

            assertThat(mappa.rules()).containsExactly("R8");
            assertThat(mappa.source()).contains("WM-2.25");
        }

        @ParameterizedTest(name = "MAPPA level {0} does not lead")
        @ValueSource(ints = {0, 1})
        void mappaLevelZeroOrOneDoesNotLead(int level) {
            assertThat(national(Case.adultVictim().mappaLevel(level)).recommends(MAPPA_LEADS)).isFalse();
        }
    }

    @Nested
    class R9AndR10YoungVictims {

        @ParameterizedTest(name = "victim aged {0}: MARAC {1}, child protection by {2}")
        @CsvSource({
                "15, false, R9",
                "16, true,  R10",
                "17, true,  R10",
                "18, true,  ''"
        })
        void ageDecidesBetweenMaracAndChildProtection(int age, boolean marac, String childProtectionRule) {
            Evaluation result = national(Case.adultVictim().victimAged(age).dashWithYes(16));

            assertThat(result.recommends(REFER_MARAC)).isEqualTo(marac);
            assertThat(result.recommends(REFER_IDVA)).isEqualTo(marac);
            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            if (childProtectionRule.isEmpty()) {
                assertThat(result.recommends(CHILD_PROTECTION_PROCESS)).isFalse();
            } else {
                assertThat(action(result, CHILD_PROTECTION_PROCESS).rules()).containsExactly(childProtectionRule);
            }
        }

        @Test
        void victimUnderSixteenIsNeverReferredToMaracWhateverTheOtherRulesSay() {
            Evaluation result = national(Case.adultVictim().victimAged(15).pregnantVictim().dashWithYes(20)
                    .policeCallouts(5).professionalJudgementOfSeriousConcern().monthsSinceLastMarac(1)
                    .outcome(CriminalJusticeOutcome.CHARGED_BAILED_WITH_CONDITIONS));

            assertThat(result.recommends(REFER_MARAC)).isFalse();
            assertThat(result.maracCriteria()).isEmpty();
            // R6, R7 and A4 depend on a MARAC referral, so they fall away too.
            assertThat(result.recommends(REFER_IDVA)).isFalse();
            assertThat(result.recommends(COPY_MARAC_REFERRAL_TO_MASH)).isFalse();
            assertThat(result.recommends(CONSIDER_DVPN)).isFalse();
            RecommendedAction childProtection = action(result, CHILD_PROTECTION_PROCESS);
            assertThat(childProtection.reasons()).containsExactly(VICTIM_UNDER_16);
            assertThat(childProtection.rules()).containsExactly("R9");
            assertThat(action(result, REFER_CHILDRENS_SOCIAL_CARE).reasons()).contains(VICTIM_UNDER_16);
            assertThat(action(result, REFER_CHILDRENS_SOCIAL_CARE).rules()).contains("R9");
        }

        @Test
        void sixteenYearOldVictimGetsBothMaracAndChildProtection() {
            Evaluation result = national(Case.adultVictim().victimAged(16).policeCallouts(3));

            assertThat(result.maracCriteria()).containsExactly(POTENTIAL_ESCALATION);
            RecommendedAction childProtection = action(result, CHILD_PROTECTION_PROCESS);
            assertThat(childProtection.reasons()).isEmpty();
            assertThat(result.recommends(REFER_CHILDRENS_SOCIAL_CARE)).isFalse();
        }

        @Test
        void unknownVictimAgeLeavesTheMaracRulesInForce() {
            Evaluation result = national(Case.adultVictim().victimAged(null).dashWithYes(14));

            assertThat(result.recommends(REFER_MARAC)).isTrue();
            assertThat(result.recommends(CHILD_PROTECTION_PROCESS)).isFalse();
        }
    }

    @Nested
    class R11WolverhamptonSinglePointOfContact {

        @ParameterizedTest(name = "{0} risk with consent goes to the SPOC")
        @ValueSource(strings = {"STANDARD", "MEDIUM"})
        void standardOrMediumRiskWithConsentIsReferredToTheSpoc(RiskLevel level) {
            Evaluation result = evaluate(Case.adultVictim().assessed(level).victimConsentsToSpoc(), "wolverhampton");

            RecommendedAction spoc = action(result, REFER_SPOC);
            assertThat(spoc.rules()).containsExactly("R11");
            assertThat(spoc.source()).contains("WOLV");
        }

        @Test
        void noSpocReferralWithoutConsent() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.STANDARD), "wolverhampton");

            assertThat(result.recommends(REFER_SPOC)).isFalse();
        }

        @Test
        void highRiskGoesToMaracNotTheSpoc() {
            Evaluation result = evaluate(Case.adultVictim().dashWithYes(14).victimConsentsToSpoc(), "wolverhampton");

            assertThat(result.recommends(REFER_SPOC)).isFalse();
            assertThat(result.recommends(REFER_MARAC)).isTrue();
        }

        @Test
        void aRepeatMaracCaseAtStandardRiskIsNotSentToTheSpoc() {
            Evaluation result = evaluate(Case.adultVictim().assessed(RiskLevel.STANDARD).monthsSinceLastMarac(4)
                    .victimConsentsToSpoc(), "wolverhampton");

            assertThat(result.recommends(REFER_MARAC)).isTrue();
            assertThat(result.recommends(REFER_SPOC)).isFalse();
        }

        @Test
        void otherPartnershipsHaveNoSpocRule() {
            Case c = Case.adultVictim().assessed(RiskLevel.MEDIUM).victimConsentsToSpoc();

            for (String profile : new String[] {"national", "west-midlands", "solihull", "derby-derbyshire"}) {
                assertThat(evaluate(c, profile).recommends(REFER_SPOC)).as(profile).isFalse();
            }
        }
    }

    @Nested
    class R12HonourBasedViolenceNeedsADash {

        @Test
        void honourBasedViolenceWithoutADashMeansCompleteOne() {
            RecommendedAction dash = action(national(Case.adultVictim().honourBasedViolence()), COMPLETE_DASH);

            assertThat(dash.reasons()).containsExactly(HONOUR_BASED_VIOLENCE);
            assertThat(dash.rules()).containsExactly("R12");
            assertThat(dash.source()).contains("SOL");
        }

        @Test
        void forcedMarriageWithoutADashMeansCompleteOne() {
            assertThat(national(Case.adultVictim().forcedMarriage()).recommends(COMPLETE_DASH)).isTrue();
        }

        @Test
        void noRequestWhenADashIsAlreadyCompleted() {
            assertThat(national(Case.adultVictim().honourBasedViolence().dashWithYes(3)).recommends(COMPLETE_DASH))
                    .isFalse();
        }

        @Test
        void noRequestWithoutHonourBasedViolenceOrForcedMarriage() {
            assertThat(national(Case.adultVictim()).recommends(COMPLETE_DASH)).isFalse();
        }
    }

    @Nested
    class RiskLevelIsNeverLowered {

        @Test
        void theAssessorsLevelStandsWhenNoRuleRaisesIt() {
            Evaluation result = national(Case.adultVictim().dashWithYes(2).assessed(RiskLevel.MEDIUM));

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        }

        @Test
        void theEngineNeverLowersTheAssessorsLevel() {
            Evaluation result = national(Case.adultVictim().dashWithYes(0).assessed(RiskLevel.HIGH));

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
        }

        @Test
        void theBandingIsUsedOnlyWhenTheAssessorGivesNoLevel() {
            assertThat(national(Case.adultVictim().dashWithYes(9)).riskLevel()).isEqualTo(RiskLevel.STANDARD);
            assertThat(national(Case.adultVictim().dashWithYes(10)).riskLevel()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(national(Case.adultVictim().dashWithYes(11).assessed(RiskLevel.STANDARD)).riskLevel())
                    .isEqualTo(RiskLevel.STANDARD);
        }
    }
}
