package org.waymark.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.risk.ActionCode.CHECK_KNOWN_TO_CHILDRENS_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.CHILD_AND_FAMILY_ASSESSMENT;
import static org.waymark.risk.ActionCode.DISCUSS_CUMULATIVE_HARM;
import static org.waymark.risk.ActionCode.INFORMATION_AND_ADVICE_PERMITTED;
import static org.waymark.risk.ActionCode.LEAD_PROFESSIONAL_FAMILY_SUPPORT;
import static org.waymark.risk.ActionCode.NOTIFY_SCHOOL;
import static org.waymark.risk.ActionCode.REFER_CHILDRENS_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.SEND_DASH_TO_MASH;
import static org.waymark.risk.ActionCode.SINGLE_AGENCY_SUPPORT;
import static org.waymark.risk.ActionCode.STRATEGY_DISCUSSION;
import static org.waymark.risk.ReasonCode.AGREEMENTS_BROKEN_DOWN;
import static org.waymark.risk.ReasonCode.CHILD_HARMED;
import static org.waymark.risk.ReasonCode.CHILD_IN_VIOLENT_RELATIONSHIP;
import static org.waymark.risk.ReasonCode.CHILD_UNDER_12_MONTHS;
import static org.waymark.risk.ReasonCode.CHILD_WITNESSED_SERIOUS_HARM;
import static org.waymark.risk.ReasonCode.CONTACT_RISK;
import static org.waymark.risk.ReasonCode.DASH_HIGH_RISK;
import static org.waymark.risk.ReasonCode.DVRIM_SCALE_3;
import static org.waymark.risk.ReasonCode.DVRIM_SCALE_4;
import static org.waymark.risk.ReasonCode.ESCALATION;
import static org.waymark.risk.ReasonCode.IMPACT_NOT_ACCEPTED;
import static org.waymark.risk.ReasonCode.PREGNANT_OR_BABY_UNDER_12_MONTHS;
import static org.waymark.risk.ReasonCode.SERIOUS_VIOLENCE;
import static org.waymark.risk.ReasonCode.UNBORN_CHILD;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waymark.risk.ActionCode;
import org.waymark.risk.Case;
import org.waymark.risk.Case.Kid;
import org.waymark.risk.Evaluation;
import org.waymark.risk.ReasonCode;
import org.waymark.risk.RecommendedAction;
import org.waymark.risk.RiskLevel;
import org.waymark.risk.RulesTestSupport;
import org.waymark.risk.Severity;

/** Section B of decision-rules.md: children. National profile unless a test says otherwise. */
class ChildrenRulesTest extends RulesTestSupport {

    @Nested
    class C1ChildUnderTwelveMonths {

        @Test
        void babyElevenMonthsOldInTheHouseholdIsReferredToChildrensSocialCare() {
            // Ages are completed years: 11 months old is age 0.
            RecommendedAction referral = action(national(Case.adultVictim().child(Kid.aged(0))), REFER_CHILDRENS_SOCIAL_CARE);

            assertThat(referral.reasons()).containsExactly(CHILD_UNDER_12_MONTHS);
            assertThat(referral.rules()).containsExactly("C1");
            assertThat(referral.source()).contains("WM-2.24");
        }

        @Test
        void childTwelveMonthsOldIsNotReferredByC1() {
            assertThat(national(Case.adultVictim().child(Kid.aged(1))).recommends(REFER_CHILDRENS_SOCIAL_CARE)).isFalse();
        }

        @Test
        void babyNotPresentAtTheIncidentIsStillReferred() {
            Evaluation result = national(Case.adultVictim().severity(Severity.MINOR).child(Kid.aged(0)));

            assertThat(result.recommends(REFER_CHILDRENS_SOCIAL_CARE)).isTrue();
            assertThat(result.recommends(INFORMATION_AND_ADVICE_PERMITTED)).isFalse();
        }

        @Test
        void listedUnbornChildIsReferred() {
            assertThat(action(national(Case.adultVictim().child(Kid.unborn())), REFER_CHILDRENS_SOCIAL_CARE).reasons())
                    .containsExactly(UNBORN_CHILD);
        }

        @Test
        void pregnantVictimMeansAnUnbornChildEvenIfNoneIsListed() {
            assertThat(action(national(Case.adultVictim().pregnantVictim()), REFER_CHILDRENS_SOCIAL_CARE).reasons())
                    .containsExactly(UNBORN_CHILD);
        }

        @Test
        void babyAndPregnancyGiveOneReferralWithBothReasons() {
            RecommendedAction referral = action(national(Case.adultVictim().pregnantVictim().child(Kid.aged(0))),
                    REFER_CHILDRENS_SOCIAL_CARE);

            assertThat(referral.reasons()).containsExactly(UNBORN_CHILD, CHILD_UNDER_12_MONTHS);
            assertThat(referral.rules()).containsExactly("C1");
        }

        @Test
        void babyLivingInAnotherHouseholdIsNotReferredByC1() {
            assertThat(national(Case.adultVictim().child(Kid.aged(0).livingElsewhere()))
                    .recommends(REFER_CHILDRENS_SOCIAL_CARE)).isFalse();
        }

        @Test
        void c1ReferralAndADvrimReferralAreOneActionWithBothReasons() {
            RecommendedAction referral = action(national(Case.adultVictim().child(Kid.aged(0)).dvrim(3)),
                    REFER_CHILDRENS_SOCIAL_CARE);

            assertThat(referral.reasons()).containsExactly(CHILD_UNDER_12_MONTHS, DVRIM_SCALE_3);
            assertThat(referral.rules()).containsExactly("C1", "C9");
        }
    }

    @Nested
    class C2PoliceDashToMash {

        @Test
        void policeDashWithAChildInTheHouseholdGoesToTheMash() {
            RecommendedAction send = action(national(Case.adultVictim().policeDashWithYes(3).child(Kid.aged(8))),
                    SEND_DASH_TO_MASH);

            assertThat(send.rules()).containsExactly("C2");
        }

        @Test
        void seventeenYearOldInTheHouseholdIsAChild() {
            assertThat(national(Case.adultVictim().policeDashWithYes(3).child(Kid.aged(17))).recommends(SEND_DASH_TO_MASH))
                    .isTrue();
        }

        @Test
        void eighteenYearOldInTheHouseholdIsNotAChild() {
            assertThat(national(Case.adultVictim().policeDashWithYes(3).child(Kid.aged(18))).recommends(SEND_DASH_TO_MASH))
                    .isFalse();
        }

        @Test
        void pregnantVictimCountsAsAChildInTheHousehold() {
            assertThat(national(Case.adultVictim().policeDashWithYes(3).pregnantVictim()).recommends(SEND_DASH_TO_MASH))
                    .isTrue();
        }

        @Test
        void dashByAnotherAgencyIsNotSentByThisRule() {
            assertThat(national(Case.adultVictim().dashWithYes(3).child(Kid.aged(8))).recommends(SEND_DASH_TO_MASH))
                    .isFalse();
        }

        @Test
        void noDashNothingToSend() {
            assertThat(national(Case.adultVictim().child(Kid.aged(8))).recommends(SEND_DASH_TO_MASH)).isFalse();
        }

        @Test
        void childLivingElsewhereIsNotInTheHousehold() {
            assertThat(national(Case.adultVictim().policeDashWithYes(3).child(Kid.aged(8).livingElsewhere()))
                    .recommends(SEND_DASH_TO_MASH)).isFalse();
        }
    }

    @Nested
    class C3OperationEncompass {

        @Test
        void eachChildWhoExperiencedTheIncidentIsNotifiedToTheirSchoolOnce() {
            Evaluation result = national(Case.adultVictim()
                    .child(Kid.aged(9).experiencedIncident().atSchoolOrNursery())
                    .child(Kid.aged(12).atSchoolOrNursery())
                    .child(Kid.aged(3).experiencedIncident().atSchoolOrNursery())
                    .child(Kid.aged(6).experiencedIncident()));

            assertThat(result.actions(NOTIFY_SCHOOL)).extracting(RecommendedAction::childIndex).containsExactly(0, 2);
            RecommendedAction first = result.actions(NOTIFY_SCHOOL).get(0);
            assertThat(first.rules()).containsExactly("C3");
            assertThat(first.source()).isEqualTo("WM-2.24 Operation Encompass");
            assertThat(first.reasons()).isEmpty();
        }

        @Test
        void childWhoExperiencedItWhileVisitingIsNotifiedToo() {
            Evaluation result = national(Case.adultVictim()
                    .child(Kid.aged(10).livingElsewhere().experiencedIncident().atSchoolOrNursery()));

            assertThat(result.actions(NOTIFY_SCHOOL)).extracting(RecommendedAction::childIndex).containsExactly(0);
        }

        @Test
        void childInTheHouseholdWhoDidNotExperienceItIsNotNotified() {
            assertThat(national(Case.adultVictim().child(Kid.aged(10).atSchoolOrNursery())).recommends(NOTIFY_SCHOOL))
                    .isFalse();
        }
    }

    @Nested
    class C3dDerbySchoolNotification {

        @Test
        void derbyNotifiesEveryChildOfSchoolAgeInTheHouseholdFromFiveToSixteen() {
            Evaluation result = evaluate(Case.adultVictim()
                    .child(Kid.aged(4).experiencedIncident().atSchoolOrNursery())
                    .child(Kid.aged(5))
                    .child(Kid.aged(16))
                    .child(Kid.aged(17).experiencedIncident().atSchoolOrNursery())
                    .child(Kid.aged(10).livingElsewhere().experiencedIncident().atSchoolOrNursery())
                    .child(Kid.unborn()), "derby-derbyshire");

            assertThat(result.actions(NOTIFY_SCHOOL)).extracting(RecommendedAction::childIndex).containsExactly(1, 2);
            assertThat(result.actions(NOTIFY_SCHOOL).get(0).rules()).containsExactly("C3d");
            assertThat(result.actions(NOTIFY_SCHOOL).get(0).source()).contains("SDAT");
        }

        @Test
        void theNationalRuleNotifiesTheNurseryChildDerbyDoesNot() {
            Case c = Case.adultVictim().child(Kid.aged(4).experiencedIncident().atSchoolOrNursery()).child(Kid.aged(8));

            assertThat(national(c).actions(NOTIFY_SCHOOL)).extracting(RecommendedAction::childIndex).containsExactly(0);
            assertThat(evaluate(c, "derby-derbyshire").actions(NOTIFY_SCHOOL))
                    .extracting(RecommendedAction::childIndex).containsExactly(1);
        }
    }

    @Nested
    class C4InformationAndAdvice {

        private Case minorIncidentWithASchoolChild() {
            return Case.adultVictim().severity(Severity.MINOR).child(Kid.aged(8));
        }

        @Test
        void minorIncidentWithNoOtherIndicatorsMayBeTreatedAsInformationAndAdvice() {
            RecommendedAction permitted = action(national(minorIncidentWithASchoolChild()), INFORMATION_AND_ADVICE_PERMITTED);

            assertThat(permitted.rules()).containsExactly("C4");
            assertThat(permitted.source()).contains("WM-2.24");
            assertThat(INFORMATION_AND_ADVICE_PERMITTED.requiresRationaleIfDeclined()).isFalse();
        }

        @Test
        void standardSeverityIsNotMinor() {
            assertThat(national(minorIncidentWithASchoolChild().severity(Severity.STANDARD))
                    .recommends(INFORMATION_AND_ADVICE_PERMITTED)).isFalse();
        }

        @Test
        void notWithoutAChild() {
            assertThat(national(Case.adultVictim().severity(Severity.MINOR)).recommends(INFORMATION_AND_ADVICE_PERMITTED))
                    .isFalse();
        }

        @Test
        void dvrimScaleOneDoesNotRequireMore() {
            Evaluation result = national(minorIncidentWithASchoolChild().dvrim(1));

            assertThat(result.recommends(INFORMATION_AND_ADVICE_PERMITTED)).isTrue();
            assertThat(result.recommends(SINGLE_AGENCY_SUPPORT)).isTrue();
        }

        @Test
        void dvrimScaleTwoAsksForMultiAgencySupportSoNotInformationAndAdviceOnly() {
            Evaluation result = national(minorIncidentWithASchoolChild().dvrim(2));

            assertThat(result.recommends(LEAD_PROFESSIONAL_FAMILY_SUPPORT)).isTrue();
            assertThat(result.recommends(INFORMATION_AND_ADVICE_PERMITTED)).isFalse();
        }

        static Stream<Arguments> anythingMoreRulesOutInformationAndAdvice() {
            return Stream.of(
                    Arguments.of("other risk indicators recorded", (UnaryOperator<Case>) Case::otherRiskIndicators),
                    Arguments.of("risk assessed HIGH", (UnaryOperator<Case>) c -> c.assessed(RiskLevel.HIGH)),
                    Arguments.of("visible high risk on the DASH", (UnaryOperator<Case>) c -> c.dashWithYes(14)),
                    Arguments.of("a baby: C1 refers", (UnaryOperator<Case>) c -> c.child(Kid.aged(0))),
                    Arguments.of("pregnant victim: C1 refers", (UnaryOperator<Case>) Case::pregnantVictim),
                    Arguments.of("3 DVA incidents: C5 assessment", (UnaryOperator<Case>) c -> c.dvaIncidents(3)),
                    Arguments.of("escalation: C6 strategy discussion", (UnaryOperator<Case>) Case::escalating),
                    Arguments.of("DVRIM scale 3: C9 refers", (UnaryOperator<Case>) c -> c.dvrim(3)),
                    Arguments.of("victim under 16: R9 refers", (UnaryOperator<Case>) c -> c.victimAged(15)),
                    Arguments.of("victim aged 17: child protection", (UnaryOperator<Case>) c -> c.victimAged(17)),
                    Arguments.of("repeat MARAC case", (UnaryOperator<Case>) c -> c.assessed(RiskLevel.STANDARD)
                            .monthsSinceLastMarac(6)),
                    Arguments.of("parental mental ill health", (UnaryOperator<Case>) Case::parentalMentalIllHealth),
                    Arguments.of("parental substance misuse", (UnaryOperator<Case>) Case::parentalSubstanceMisuse),
                    Arguments.of("honour-based violence", (UnaryOperator<Case>) Case::honourBasedViolence),
                    Arguments.of("contact arrangements risk", (UnaryOperator<Case>) Case::contactArrangementsRisk));
        }

        @ParameterizedTest(name = "no information and advice when: {0}")
        @MethodSource
        void anythingMoreRulesOutInformationAndAdvice(String circumstance, UnaryOperator<Case> change) {
            assertThat(national(minorIncidentWithASchoolChild()).recommends(INFORMATION_AND_ADVICE_PERMITTED))
                    .as("baseline").isTrue();
            assertThat(national(change.apply(minorIncidentWithASchoolChild())).recommends(INFORMATION_AND_ADVICE_PERMITTED))
                    .isFalse();
        }
    }

    @Nested
    class C5ChildAndFamilyAssessment {

        @Test
        void seriousIncidentWithAChildInTheHouseholdNeedsAnAssessment() {
            RecommendedAction assessment = action(national(Case.adultVictim().severity(Severity.SERIOUS).child(Kid.aged(6))),
                    CHILD_AND_FAMILY_ASSESSMENT);

            assertThat(assessment.rules()).containsExactly("C5");
        }

        @Test
        void threeDvaIncidentsInTwelveMonthsNeedAnAssessment() {
            assertThat(national(Case.adultVictim().dvaIncidents(3).child(Kid.aged(6))).recommends(CHILD_AND_FAMILY_ASSESSMENT))
                    .isTrue();
        }

        @Test
        void twoDvaIncidentsDoNot() {
            assertThat(national(Case.adultVictim().dvaIncidents(2).child(Kid.aged(6))).recommends(CHILD_AND_FAMILY_ASSESSMENT))
                    .isFalse();
        }

        @Test
        void missingIncidentCountDefaultsToTheCallouts() {
            Evaluation result = national(Case.adultVictim().policeCallouts(3).dvaIncidents(null).child(Kid.aged(6)));

            assertThat(result.recommends(CHILD_AND_FAMILY_ASSESSMENT)).isTrue();
        }

        @Test
        void aSeriousIncidentWithoutAChildInTheHouseholdDoesNot() {
            assertThat(national(Case.adultVictim().severity(Severity.SERIOUS).child(Kid.aged(6).livingElsewhere()))
                    .recommends(CHILD_AND_FAMILY_ASSESSMENT)).isFalse();
        }

        @Test
        void anUnbornChildIsAChildInTheHousehold() {
            assertThat(national(Case.adultVictim().severity(Severity.SERIOUS).pregnantVictim())
                    .recommends(CHILD_AND_FAMILY_ASSESSMENT)).isTrue();
        }
    }

    @Nested
    class C6StrategyDiscussion {

        static Stream<Arguments> eachSection47CircumstanceIsItsOwnReason() {
            return Stream.of(
                    Arguments.of(CHILD_HARMED, (UnaryOperator<Case>) c -> c.child(Kid.aged(7).harmed())),
                    Arguments.of(CHILD_WITNESSED_SERIOUS_HARM, (UnaryOperator<Case>) c -> c.child(Kid.aged(7).witnessedSeriousHarm())),
                    Arguments.of(PREGNANT_OR_BABY_UNDER_12_MONTHS, (UnaryOperator<Case>) Case::pregnantVictim),
                    Arguments.of(PREGNANT_OR_BABY_UNDER_12_MONTHS, (UnaryOperator<Case>) c -> c.child(Kid.aged(0))),
                    Arguments.of(ESCALATION, (UnaryOperator<Case>) c -> c.child(Kid.aged(7)).escalating()),
                    Arguments.of(SERIOUS_VIOLENCE, (UnaryOperator<Case>) c -> c.child(Kid.aged(7)).sexualAssault()),
                    Arguments.of(SERIOUS_VIOLENCE, (UnaryOperator<Case>) c -> c.child(Kid.aged(7)).strangulation()),
                    Arguments.of(SERIOUS_VIOLENCE, (UnaryOperator<Case>) c -> c.child(Kid.aged(7)).weapon()),
                    Arguments.of(SERIOUS_VIOLENCE, (UnaryOperator<Case>) c -> c.child(Kid.aged(7)).threatsToKill()),
                    Arguments.of(CHILD_IN_VIOLENT_RELATIONSHIP, (UnaryOperator<Case>) c -> c.child(Kid.aged(15).inViolentRelationship())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource
        void eachSection47CircumstanceIsItsOwnReason(ReasonCode reason, UnaryOperator<Case> circumstance) {
            RecommendedAction discussion = action(national(circumstance.apply(Case.adultVictim())), STRATEGY_DISCUSSION);

            assertThat(discussion.reasons()).containsExactly(reason);
            assertThat(discussion.rules()).containsExactly("C6");
            assertThat(discussion.source()).isEqualTo("WM-2.24 (Section 47 circumstances); DDSCP");
        }

        @Test
        void severalCircumstancesGiveOneStrategyDiscussionWithEveryReason() {
            Evaluation result = national(Case.adultVictim().pregnantVictim().escalating().strangulation().threatsToKill()
                    .child(Kid.aged(6).harmed().witnessedSeriousHarm()).dvrim(4));

            RecommendedAction discussion = action(result, STRATEGY_DISCUSSION);
            assertThat(discussion.reasons()).containsExactly(CHILD_HARMED, CHILD_WITNESSED_SERIOUS_HARM,
                    PREGNANT_OR_BABY_UNDER_12_MONTHS, ESCALATION, SERIOUS_VIOLENCE, DVRIM_SCALE_4);
            assertThat(discussion.rules()).containsExactly("C6", "C10");
            assertThat(discussion.source())
                    .isEqualTo("WM-2.24 (Section 47 circumstances); DDSCP; SOL DVRIM scale 4; WM-2.25");
        }

        @Test
        void childTwelveMonthsOldIsNotABaby() {
            assertThat(national(Case.adultVictim().child(Kid.aged(1))).recommends(STRATEGY_DISCUSSION)).isFalse();
        }

        @Test
        void escalationWithoutAChildInTheHouseholdIsNotAChildrensMatter() {
            assertThat(national(Case.adultVictim().escalating().weapon().child(Kid.aged(7).livingElsewhere()))
                    .recommends(STRATEGY_DISCUSSION)).isFalse();
        }

        @Test
        void aChildHarmedWhileVisitingStillCallsForAStrategyDiscussion() {
            RecommendedAction discussion = action(national(Case.adultVictim().child(Kid.aged(5).livingElsewhere().harmed())),
                    STRATEGY_DISCUSSION);

            assertThat(discussion.reasons()).containsExactly(CHILD_HARMED);
        }

        @Test
        void noCircumstanceNoStrategyDiscussion() {
            assertThat(national(Case.adultVictim().child(Kid.aged(7).experiencedIncident())).recommends(STRATEGY_DISCUSSION))
                    .isFalse();
        }
    }

    @Nested
    class C6dDerbyStrategyDiscussion {

        static Stream<Arguments> derbyAddsItsOwnCircumstances() {
            return Stream.of(
                    Arguments.of(AGREEMENTS_BROKEN_DOWN, (UnaryOperator<Case>) Case::informalAgreementsBrokenDown),
                    Arguments.of(IMPACT_NOT_ACCEPTED, (UnaryOperator<Case>) Case::adultsUnableToAcceptImpact),
                    Arguments.of(CONTACT_RISK, (UnaryOperator<Case>) Case::contactArrangementsRisk),
                    Arguments.of(DASH_HIGH_RISK, (UnaryOperator<Case>) c -> c.dashWithYes(14)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource
        void derbyAddsItsOwnCircumstances(ReasonCode reason, UnaryOperator<Case> circumstance) {
            Case c = circumstance.apply(Case.adultVictim().child(Kid.aged(9)));

            RecommendedAction discussion = action(evaluate(c, "derby-derbyshire"), STRATEGY_DISCUSSION);
            assertThat(discussion.reasons()).containsExactly(reason);
            assertThat(discussion.rules()).containsExactly("C6d");
            assertThat(national(c).recommends(STRATEGY_DISCUSSION)).as("national").isFalse();
        }

        @Test
        void derbyCircumstancesNeedAChildInTheHousehold() {
            Case c = Case.adultVictim().informalAgreementsBrokenDown().contactArrangementsRisk().dashWithYes(15);

            assertThat(evaluate(c, "derby-derbyshire").recommends(STRATEGY_DISCUSSION)).isFalse();
        }

        @Test
        void derbyAndNationalCircumstancesShareOneStrategyDiscussion() {
            Evaluation result = evaluate(Case.adultVictim().child(Kid.aged(3)).escalating().informalAgreementsBrokenDown(),
                    "derby-derbyshire");

            RecommendedAction discussion = action(result, STRATEGY_DISCUSSION);
            assertThat(discussion.reasons()).containsExactly(ESCALATION, AGREEMENTS_BROKEN_DOWN);
            assertThat(discussion.rules()).containsExactly("C6", "C6d");
        }

        @Test
        void aDashBelowFourteenRaisedToHighByCalloutsIsNotADashHighRisk() {
            Evaluation result = evaluate(Case.adultVictim().child(Kid.aged(3)).dashWithYes(5).policeCallouts(4),
                    "derby-derbyshire");

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            assertThat(result.recommends(STRATEGY_DISCUSSION)).isFalse();
        }

        @Test
        void aDashTheAssessorGradedHighIsADashHighRisk() {
            Evaluation result = evaluate(Case.adultVictim().child(Kid.aged(3)).dashWithYes(9).assessed(RiskLevel.HIGH),
                    "derby-derbyshire");

            assertThat(action(result, STRATEGY_DISCUSSION).reasons()).containsExactly(DASH_HIGH_RISK);
        }

        @Test
        void highRiskWithoutADashIsNotADashHighRisk() {
            Evaluation result = evaluate(Case.adultVictim().child(Kid.aged(3)).policeCallouts(4), "derby-derbyshire");

            assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
            assertThat(result.recommends(STRATEGY_DISCUSSION)).isFalse();
        }
    }

    @Nested
    class C7ToC10Dvrim {

        @Test
        void scaleOneIsSingleAgencySupportAndACheckWithChildrensSocialCare() {
            Evaluation result = national(Case.adultVictim().child(Kid.aged(4)).dvrim(1));

            assertThat(action(result, SINGLE_AGENCY_SUPPORT).rules()).containsExactly("C7");
            assertThat(action(result, CHECK_KNOWN_TO_CHILDRENS_SOCIAL_CARE).rules()).containsExactly("C7");
            assertThat(result.recommends(LEAD_PROFESSIONAL_FAMILY_SUPPORT)).isFalse();
            assertThat(result.recommends(REFER_CHILDRENS_SOCIAL_CARE)).isFalse();
        }

        @Test
        void scaleTwoIsLeadProfessionalFamilySupport() {
            Evaluation result = national(Case.adultVictim().child(Kid.aged(4)).dvrim(2));

            assertThat(action(result, LEAD_PROFESSIONAL_FAMILY_SUPPORT).rules()).containsExactly("C8");
            assertThat(result.recommends(SINGLE_AGENCY_SUPPORT)).isFalse();
            assertThat(result.recommends(REFER_CHILDRENS_SOCIAL_CARE)).isFalse();
        }

        @Test
        void scaleThreeIsAReferralToChildrensSocialCare() {
            Evaluation result = national(Case.adultVictim().child(Kid.aged(4)).dvrim(3));

            RecommendedAction referral = action(result, REFER_CHILDRENS_SOCIAL_CARE);
            assertThat(referral.reasons()).containsExactly(DVRIM_SCALE_3);
            assertThat(referral.rules()).containsExactly("C9");
            assertThat(result.recommends(STRATEGY_DISCUSSION)).isFalse();
        }

        @Test
        void scaleFourIsAReferralAndAStrategyDiscussion() {
            Evaluation result = national(Case.adultVictim().child(Kid.aged(4)).dvrim(4));

            assertThat(action(result, REFER_CHILDRENS_SOCIAL_CARE).reasons()).containsExactly(DVRIM_SCALE_4);
            assertThat(action(result, STRATEGY_DISCUSSION).reasons()).containsExactly(DVRIM_SCALE_4);
            assertThat(action(result, STRATEGY_DISCUSSION).rules()).containsExactly("C10");
        }

        @Test
        void noMatrixNoMatrixActions() {
            Evaluation result = national(Case.adultVictim().child(Kid.aged(4)));

            for (ActionCode code : new ActionCode[] {SINGLE_AGENCY_SUPPORT, CHECK_KNOWN_TO_CHILDRENS_SOCIAL_CARE,
                    LEAD_PROFESSIONAL_FAMILY_SUPPORT, REFER_CHILDRENS_SOCIAL_CARE, STRATEGY_DISCUSSION}) {
                assertThat(result.recommends(code)).as(code.name()).isFalse();
            }
        }
    }

    @Nested
    class C11CumulativeHarm {

        @Test
        void mentalIllHealthAndSubstanceMisuseTogetherAreDiscussedAsCumulativeHarm() {
            RecommendedAction discuss = action(national(Case.adultVictim().child(Kid.aged(4)).parentalMentalIllHealth()
                    .parentalSubstanceMisuse()), DISCUSS_CUMULATIVE_HARM);

            assertThat(discuss.rules()).containsExactly("C11");
            assertThat(discuss.source()).contains("DDSCP");
        }

        @ParameterizedTest(name = "only one of the two: mental ill health {0}")
        @ValueSource(booleans = {true, false})
        void oneOfTheTwoIsNotEnough(boolean mentalIllHealth) {
            Case c = Case.adultVictim().child(Kid.aged(4));
            c = mentalIllHealth ? c.parentalMentalIllHealth() : c.parentalSubstanceMisuse();

            assertThat(national(c).recommends(DISCUSS_CUMULATIVE_HARM)).isFalse();
        }
    }
}
