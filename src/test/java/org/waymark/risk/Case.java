package org.waymark.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data builder for {@link CaseFacts}. Starts from a neutral case: an adult victim aged 30, an
 * adult perpetrator not under MAPPA, no children, a STANDARD-severity incident with no outcome
 * recorded, no DASH, no assessor level, one call-out.
 */
public final class Case {

    private Integer victimAge = 30;
    private boolean pregnant;
    private boolean careAndSupportNeeds;
    private Integer perpetratorAge = 32;
    private int mappaLevel;
    private final List<CaseFacts.Child> children = new ArrayList<>();
    private Severity severity = Severity.STANDARD;
    private boolean otherRiskIndicators;
    private boolean sexualAssault;
    private boolean strangulation;
    private boolean weapon;
    private boolean threatsToKill;
    private boolean escalating;
    private boolean honourBasedViolence;
    private boolean forcedMarriage;
    private CriminalJusticeOutcome outcome;
    private CaseFacts.Dash dash;
    private RiskLevel assessed;
    private boolean professionalJudgement;
    private Integer callouts = 1;
    private Integer dvaIncidents;
    private Integer monthsSinceMarac;
    private boolean mentalIllHealth;
    private boolean substanceMisuse;
    private boolean agreementsBrokenDown;
    private boolean impactNotAccepted;
    private boolean contactRisk;
    private Integer dvrimScale;
    private boolean consentsToSpoc;

    private Case() {
    }

    public static Case adultVictim() {
        return new Case();
    }

    public Case victimAged(Integer age) { victimAge = age; return this; }
    public Case pregnantVictim() { pregnant = true; return this; }
    public Case victimWithCareAndSupportNeeds() { careAndSupportNeeds = true; return this; }
    public Case perpetratorAged(Integer age) { perpetratorAge = age; return this; }
    public Case mappaLevel(int level) { mappaLevel = level; return this; }
    public Case child(Kid kid) { children.add(kid.build()); return this; }
    public Case severity(Severity s) { severity = s; return this; }
    public Case otherRiskIndicators() { otherRiskIndicators = true; return this; }
    public Case sexualAssault() { sexualAssault = true; return this; }
    public Case strangulation() { strangulation = true; return this; }
    public Case weapon() { weapon = true; return this; }
    public Case threatsToKill() { threatsToKill = true; return this; }
    public Case escalating() { escalating = true; return this; }
    public Case honourBasedViolence() { honourBasedViolence = true; return this; }
    public Case forcedMarriage() { forcedMarriage = true; return this; }
    public Case outcome(CriminalJusticeOutcome o) { outcome = o; return this; }
    public Case assessed(RiskLevel level) { assessed = level; return this; }
    public Case professionalJudgementOfSeriousConcern() { professionalJudgement = true; return this; }
    public Case policeCallouts(Integer n) { callouts = n; return this; }
    public Case dvaIncidents(Integer n) { dvaIncidents = n; return this; }
    public Case monthsSinceLastMarac(Integer months) { monthsSinceMarac = months; return this; }
    public Case parentalMentalIllHealth() { mentalIllHealth = true; return this; }
    public Case parentalSubstanceMisuse() { substanceMisuse = true; return this; }
    public Case informalAgreementsBrokenDown() { agreementsBrokenDown = true; return this; }
    public Case adultsUnableToAcceptImpact() { impactNotAccepted = true; return this; }
    public Case contactArrangementsRisk() { contactRisk = true; return this; }
    public Case dvrim(Integer scale) { dvrimScale = scale; return this; }
    public Case victimConsentsToSpoc() { consentsToSpoc = true; return this; }

    /** A DASH completed by a partner agency with this many YES answers (the rest NO). */
    public Case dashWithYes(int yes) { return dash(yes, false); }

    /** A DASH completed by the police with this many YES answers (the rest NO). */
    public Case policeDashWithYes(int yes) { return dash(yes, true); }

    public Case dash(int yes, boolean byPolice) {
        Map<Integer, Answer> answers = new LinkedHashMap<>();
        for (int q = 1; q <= 24; q++) {
            answers.put(q, q <= yes ? Answer.YES : Answer.NO);
        }
        dash = new CaseFacts.Dash(byPolice, answers);
        return this;
    }

    public Case dashAnswers(Map<Integer, Answer> answers) {
        dash = new CaseFacts.Dash(false, answers);
        return this;
    }

    public CaseFacts build() {
        return new CaseFacts(LocalDate.of(2026, 11, 20),
                new CaseFacts.Victim(victimAge, pregnant, careAndSupportNeeds),
                new CaseFacts.Perpetrator(perpetratorAge, mappaLevel),
                children,
                new CaseFacts.Incident(severity, otherRiskIndicators, sexualAssault, strangulation, weapon,
                        threatsToKill, escalating, honourBasedViolence, forcedMarriage, outcome),
                dash, assessed, professionalJudgement, callouts, dvaIncidents, monthsSinceMarac,
                new CaseFacts.Household(mentalIllHealth, substanceMisuse, agreementsBrokenDown, impactNotAccepted,
                        contactRisk),
                dvrimScale, consentsToSpoc);
    }

    /** A child in the case. Starts as a child of the given age living in the household, not at school. */
    public static final class Kid {
        private Integer age;
        private boolean unborn;
        private boolean livesInHousehold = true;
        private boolean experienced;
        private boolean harmed;
        private boolean witnessed;
        private boolean violentRelationship;
        private boolean atSchool;

        public static Kid aged(Integer age) {
            Kid kid = new Kid();
            kid.age = age;
            return kid;
        }

        public static Kid unborn() {
            Kid kid = new Kid();
            kid.unborn = true;
            return kid;
        }

        public Kid livingElsewhere() { livesInHousehold = false; return this; }
        public Kid experiencedIncident() { experienced = true; return this; }
        public Kid harmed() { harmed = true; return this; }
        public Kid witnessedSeriousHarm() { witnessed = true; return this; }
        public Kid inViolentRelationship() { violentRelationship = true; return this; }
        public Kid atSchoolOrNursery() { atSchool = true; return this; }

        CaseFacts.Child build() {
            return new CaseFacts.Child(age, unborn, livesInHousehold, experienced, harmed, witnessed,
                    violentRelationship, atSchool);
        }
    }
}
