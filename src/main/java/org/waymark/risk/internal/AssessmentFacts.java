package org.waymark.risk.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.waymark.risk.CaseFacts;
import org.waymark.risk.CriminalJusticeOutcome;
import org.waymark.risk.RiskLevel;
import org.waymark.risk.Severity;

/**
 * What a practitioner has recorded so far about the case, besides the checklist answers: a JSON
 * document (the {@code facts} column) filled in page by page. Public fields keep it a plain document.
 */
final class AssessmentFacts {

    /** Incident indicators, named as in the evaluation contract. */
    static final List<String> INCIDENT_INDICATORS = List.of("sexualAssault", "strangulation", "weapon",
            "threatsToKill", "escalating", "honourBasedViolence", "forcedMarriage", "otherRiskIndicators");
    static final List<String> HOUSEHOLD_FACTORS = List.of("parentalMentalIllHealth", "parentalSubstanceMisuse",
            "informalAgreementsBrokenDown", "adultsUnableToAcceptImpact", "contactArrangementsRisk");

    public LocalDate incidentDate;
    public Integer victimAgeYears;
    public Boolean victimPregnant;
    public Boolean victimCareAndSupportNeeds;
    public Integer perpetratorAgeYears;
    public Integer perpetratorMappaLevel;
    public List<ChildEntry> children = new ArrayList<>();
    public Severity severity;
    public Set<String> incidentIndicators = new LinkedHashSet<>();
    public CriminalJusticeOutcome criminalJusticeOutcome;
    public Integer policeCalloutsLast12Months;
    public Integer dvaIncidentsLast12Months;
    public Integer monthsSinceLastMaracReferral;
    public Set<String> householdFactors = new LinkedHashSet<>();
    public Boolean completedByPolice;
    public RiskLevel assessedRiskLevel;
    public Boolean professionalJudgementSeriousConcern;
    public String professionalJudgementConcerns;
    public Boolean victimConsentsToSpocReferral;
    public Integer dvrimScale;
    public String dvrimRationale;
    public Set<String> sectionsDone = new LinkedHashSet<>();

    /** A child in the household, as recorded on the assessment. */
    public static final class ChildEntry {
        public String name;
        public Integer ageYears;
        public Boolean unborn;
        public Boolean livesInHousehold;
        public Boolean experiencedIncident;
        public Boolean harmed;
        public Boolean witnessedSeriousHarm;
        public Boolean inViolentRelationship;
        public Boolean attendsSchoolOrNursery;
        public Boolean specialNeeds;

        CaseFacts.Child toChild() {
            return new CaseFacts.Child(ageYears, unborn, livesInHousehold, experiencedIncident, harmed,
                    witnessedSeriousHarm, inViolentRelationship, attendsSchoolOrNursery);
        }
    }

    boolean indicator(String name) {
        return incidentIndicators.contains(name);
    }

    boolean household(String name) {
        return householdFactors.contains(name);
    }

    /** The facts the decision rules read, with the checklist answers given. */
    EvaluationRequest toRequest(String profile, EvaluationRequest.DashAnswers dash) {
        return new EvaluationRequest(profile, incidentDate,
                new CaseFacts.Victim(victimAgeYears, victimPregnant, victimCareAndSupportNeeds),
                new CaseFacts.Perpetrator(perpetratorAgeYears, perpetratorMappaLevel),
                children.stream().map(ChildEntry::toChild).toList(),
                new CaseFacts.Incident(severity, indicator("otherRiskIndicators"), indicator("sexualAssault"),
                        indicator("strangulation"), indicator("weapon"), indicator("threatsToKill"),
                        indicator("escalating"), indicator("honourBasedViolence"), indicator("forcedMarriage"),
                        criminalJusticeOutcome),
                dash, assessedRiskLevel, professionalJudgementSeriousConcern, policeCalloutsLast12Months,
                dvaIncidentsLast12Months, monthsSinceLastMaracReferral,
                new CaseFacts.Household(household("parentalMentalIllHealth"), household("parentalSubstanceMisuse"),
                        household("informalAgreementsBrokenDown"), household("adultsUnableToAcceptImpact"),
                        household("contactArrangementsRisk")),
                dvrimScale, victimConsentsToSpocReferral);
    }
}
