package org.waymark.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.waymark.risk.rules.Rule;
import org.waymark.risk.rules.RuleBook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The engine against the evaluation contract of issue 3, section 3, and decision-rules.md. */
class EvaluationContractTest extends RulesTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The example request of issue 3, with realistic values. */
    private static final String EXAMPLE_REQUEST = """
            {
              "incidentDate": "2026-11-20",
              "victim": { "ageYears": 30, "pregnant": false, "careAndSupportNeeds": false },
              "perpetrator": { "ageYears": 32, "mappaLevel": 0 },
              "children": [ { "ageYears": 4, "unborn": false, "livesInHousehold": true,
                              "experiencedIncident": true, "harmed": false,
                              "witnessedSeriousHarm": false, "inViolentRelationship": false,
                              "attendsSchoolOrNursery": true } ],
              "incident": { "severity": "STANDARD", "otherRiskIndicators": false,
                            "sexualAssault": false, "strangulation": true, "weapon": false,
                            "threatsToKill": false, "escalating": false, "honourBasedViolence": false,
                            "forcedMarriage": false, "criminalJusticeOutcome": "NO_ARREST" },
              "dash": { "completedByPolice": true, "answers": {
                "1": "YES", "2": "YES", "3": "YES", "4": "NO", "5": "YES", "6": "YES", "7": "YES", "8": "YES",
                "9": "NO", "10": "YES", "11": "YES", "12": "YES", "13": "NO", "14": "YES", "15": "YES",
                "16": "NO", "17": "NO", "18": "YES", "19": "NO", "20": "YES", "21": "YES", "22": "NO",
                "23": "NO", "24": "NOT_KNOWN" } },
              "assessedRiskLevel": "MEDIUM",
              "professionalJudgementSeriousConcern": false,
              "policeCalloutsLast12Months": 1,
              "dvaIncidentsLast12Months": 1,
              "monthsSinceLastMaracReferral": null,
              "household": { "parentalMentalIllHealth": false, "parentalSubstanceMisuse": false,
                             "informalAgreementsBrokenDown": false, "adultsUnableToAcceptImpact": false,
                             "contactArrangementsRisk": false },
              "dvrimScale": null,
              "victimConsentsToSpocReferral": false
            }
            """;

    @Test
    void theContractsExampleRequestBindsAndIsEvaluated() {
        CaseFacts facts = JSON.readValue(EXAMPLE_REQUEST, CaseFacts.class);

        Evaluation result = ENGINE.evaluate(facts, PROFILES.require("national"));

        assertThat(result.profile()).isEqualTo("national");
        assertThat(result.dashYesCount()).isEqualTo(15);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(result.maracCriteria()).containsExactly(ReasonCode.VISIBLE_HIGH_RISK);
        assertThat(result.actions()).extracting(RecommendedAction::code).containsExactly(
                ActionCode.REFER_MARAC, ActionCode.REFER_IDVA, ActionCode.SEND_DASH_TO_MASH, ActionCode.NOTIFY_SCHOOL,
                ActionCode.STRATEGY_DISCUSSION, ActionCode.CONSULT_EXISTING_RECORDS, ActionCode.SAFETY_PLAN,
                ActionCode.CONSIDER_DVPN);
        assertThat(action(result, ActionCode.NOTIFY_SCHOOL).childIndex()).isZero();
        assertThat(action(result, ActionCode.STRATEGY_DISCUSSION).reasons()).containsExactly(ReasonCode.SERIOUS_VIOLENCE);
        assertThat(action(result, ActionCode.CONSIDER_DVPN).rules()).containsExactly("A3", "A4");
    }

    @Test
    void anEmptyRequestIsAValidCase() {
        Evaluation result = ENGINE.evaluate(JSON.readValue("{}", CaseFacts.class), PROFILES.require("national"));

        assertThat(result.riskLevel()).isNull();
        assertThat(result.dashYesCount()).isNull();
        assertThat(result.actions()).extracting(RecommendedAction::code)
                .containsExactly(ActionCode.CONSULT_EXISTING_RECORDS, ActionCode.SAFETY_PLAN);
    }

    @Test
    void explicitNullsMeanNoOrNotKnown() {
        CaseFacts facts = JSON.readValue("""
                {"victim": {"ageYears": null, "pregnant": null}, "perpetrator": {"mappaLevel": null},
                 "children": [{"ageYears": 3, "livesInHousehold": null}], "incident": {"weapon": null},
                 "professionalJudgementSeriousConcern": null, "policeCalloutsLast12Months": null,
                 "household": null, "dash": null}
                """, CaseFacts.class);

        assertThat(facts.victim().pregnant()).isFalse();
        assertThat(facts.perpetrator().mappaLevel()).isZero();
        assertThat(facts.children().get(0).livesInHousehold()).isFalse();
        assertThat(facts.incident().weapon()).isFalse();
        assertThat(facts.professionalJudgementSeriousConcern()).isFalse();
        assertThat(facts.policeCalloutsLast12Months()).isZero();
        assertThat(facts.dvaIncidentsLast12Months()).isEqualTo(1);
    }

    @Test
    void theResultSerialisesWithTheContractsFieldNames() {
        CaseFacts facts = JSON.readValue(EXAMPLE_REQUEST, CaseFacts.class);
        JsonNode json = JSON.valueToTree(ENGINE.evaluate(facts, PROFILES.require("national")));

        assertThat(json.propertyNames()).containsExactly("profile", "riskLevel", "dashYesCount", "maracCriteria", "actions");
        JsonNode first = json.get("actions").get(0);
        assertThat(first.propertyNames()).containsExactly("code", "reasons", "rules", "source", "childIndex");
        assertThat(first.get("code").asString()).isEqualTo("REFER_MARAC");
        assertThat(first.get("source").asString()).isEqualTo("WM-2.24 MARAC criteria");
    }

    @Test
    void anUnknownAnswerValueDoesNotBind() {
        String bad = EXAMPLE_REQUEST.replace("\"24\": \"NOT_KNOWN\"", "\"24\": \"MAYBE\"");

        assertThatThrownBy(() -> JSON.readValue(bad, CaseFacts.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void aQuestionOutsideTheDashIsRejectedByTheEngineNamingTheField() {
        CaseFacts facts = JSON.readValue(EXAMPLE_REQUEST.replace("\"24\": \"NOT_KNOWN\"", "\"25\": \"YES\""),
                CaseFacts.class);

        assertThatThrownBy(() -> ENGINE.evaluate(facts, PROFILES.require("national")))
                .isInstanceOf(InvalidAnswersException.class)
                .satisfies(e -> assertThat(((InvalidAnswersException) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("dash.answers.25"));
    }

    @Test
    void aNegativeAgeInARequestNamesTheField() {
        String bad = EXAMPLE_REQUEST.replace("\"ageYears\": 4", "\"ageYears\": -4");

        assertThatThrownBy(() -> JSON.readValue(bad, CaseFacts.class))
                .rootCause()
                .isInstanceOf(InvalidCaseFactsException.class)
                .hasMessageContaining("children[0].ageYears");
    }

    @Test
    void actionsComeInTheFixedOrderOfTheActionCodes() {
        Evaluation result = national(Case.adultVictim().pregnantVictim().victimWithCareAndSupportNeeds().dashWithYes(16)
                .mappaLevel(2).escalating().dvrim(4).parentalMentalIllHealth().parentalSubstanceMisuse()
                .child(Case.Kid.aged(8).experiencedIncident().atSchoolOrNursery())
                .child(Case.Kid.aged(6).experiencedIncident().atSchoolOrNursery())
                .outcome(CriminalJusticeOutcome.CAUTION));

        List<Integer> ordinals = result.actions().stream().map(a -> a.code().ordinal()).toList();
        assertThat(ordinals).isSorted();
        assertThat(result.actions(ActionCode.NOTIFY_SCHOOL)).extracting(RecommendedAction::childIndex).containsExactly(0, 1);
        assertThat(result.actions()).filteredOn(a -> a.code() != ActionCode.NOTIFY_SCHOOL)
                .allSatisfy(a -> assertThat(a.childIndex()).isNull());
        List<ActionCode> codes = result.actions().stream().map(RecommendedAction::code).toList();
        assertThat(codes.stream().distinct().count()).as("one entry per code, per child for schools")
                .isEqualTo(codes.size() - 1);
    }

    @Test
    void theSameCaseAlwaysGivesTheSameResultEvenInParallel() throws Exception {
        CaseFacts facts = JSON.readValue(EXAMPLE_REQUEST, CaseFacts.class);
        PartnershipProfile derby = PROFILES.require("derby-derbyshire");
        Evaluation expected = ENGINE.evaluate(facts, derby);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Evaluation>> futures = new ArrayList<>();
            IntStream.range(0, 200).forEach(i -> futures.add(pool.submit(() -> ENGINE.evaluate(facts, derby))));
            for (Future<Evaluation> future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void actionCodesAreExactlyThoseOfTheRuleTable() {
        assertThat(Arrays.stream(ActionCode.values()).map(Enum::name)).containsExactly(
                "REFER_MARAC", "REFER_IDVA", "COPY_MARAC_REFERRAL_TO_MASH", "MAPPA_LEADS", "CHILD_PROTECTION_PROCESS",
                "REFER_CHILDRENS_SOCIAL_CARE", "REFER_SPOC", "COMPLETE_DASH", "SEND_DASH_TO_MASH", "NOTIFY_SCHOOL",
                "INFORMATION_AND_ADVICE_PERMITTED", "CHILD_AND_FAMILY_ASSESSMENT", "STRATEGY_DISCUSSION",
                "SINGLE_AGENCY_SUPPORT", "CHECK_KNOWN_TO_CHILDRENS_SOCIAL_CARE", "LEAD_PROFESSIONAL_FAMILY_SUPPORT",
                "DISCUSS_CUMULATIVE_HARM", "REFER_ADULT_SOCIAL_CARE", "CONSULT_EXISTING_RECORDS", "SAFETY_PLAN",
                "CONSIDER_DVPN");
        assertThat(ActionCode.values()).allSatisfy(code -> assertThat(code.description()).isNotBlank().endsWith("."));
    }

    @Test
    void reasonCodesAreExactlyThoseOfTheRuleTable() {
        assertThat(Arrays.stream(ReasonCode.values()).map(Enum::name)).containsExactly(
                "VISIBLE_HIGH_RISK", "POTENTIAL_ESCALATION", "PROFESSIONAL_JUDGEMENT", "REPEAT_WITHIN_12_MONTHS",
                "UNBORN_CHILD", "VICTIM_UNDER_16", "HONOUR_BASED_VIOLENCE", "CHILD_UNDER_12_MONTHS", "CHILD_HARMED",
                "CHILD_WITNESSED_SERIOUS_HARM", "PREGNANT_OR_BABY_UNDER_12_MONTHS", "ESCALATION", "SERIOUS_VIOLENCE",
                "CHILD_IN_VIOLENT_RELATIONSHIP", "DASH_HIGH_RISK", "AGREEMENTS_BROKEN_DOWN", "IMPACT_NOT_ACCEPTED",
                "CONTACT_RISK", "DVRIM_SCALE_3", "DVRIM_SCALE_4");
        assertThat(ReasonCode.values()).allSatisfy(code -> assertThat(code.description()).isNotBlank().endsWith("."));
    }

    @Test
    void everyRuleOfSectionsAToCIsImplementedWithItsSource() {
        assertThat(RuleBook.ids()).containsExactlyInAnyOrder(
                "R1", "R2", "R3", "R4", "R4d", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12",
                "C1", "C2", "C3", "C3d", "C4", "C5", "C6", "C6d", "C7", "C8", "C9", "C10", "C11",
                "A1", "A2", "A3", "A4");
        assertThat(RuleBook.all()).allSatisfy(rule -> {
            assertThat(rule.source()).matches(".*(WM-2\\.2[45]|SafeLives|SOL|DDSCP|WOLV).*");
            assertThat(rule.when()).isNotBlank();
        });
    }

    @Test
    void rulesThatReadEarlierDecisionsRunAfterThem() {
        List<String> order = RuleBook.all().stream().map(Rule::id).toList();

        assertThat(order.indexOf("R9")).isLessThan(order.indexOf("R6")).isLessThan(order.indexOf("R7"))
                .isLessThan(order.indexOf("R11")).isLessThan(order.indexOf("A4")).isLessThan(order.indexOf("C4"));
        for (String ruleThatRaisesTheLevel : List.of("R1", "R2", "R3")) {
            assertThat(order.indexOf(ruleThatRaisesTheLevel)).isLessThan(order.indexOf("R4d"))
                    .isLessThan(order.indexOf("R11")).isLessThan(order.indexOf("C6d"));
        }
        assertThat(order.get(order.indexOf("C4") - 1)).as("C4 is the last children's rule").isEqualTo("C11");
    }
}
