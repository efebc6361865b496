package org.waymark.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is known about one domestic abuse incident: the input of the {@link DecisionEngine}.
 *
 * <p>Shaped like the body of {@code POST /api/v1/evaluations} (issue 3, section 3), so a JSON
 * request binds to it field for field. Every field is optional: a missing (or null) object or flag
 * means "no" or "not known", which is why the flags are {@code Boolean} (never null once built).
 * The contract's defaults are applied here, in the compact constructors, and nowhere else:
 * <ul>
 *   <li>missing {@code policeCalloutsLast12Months} is 0;</li>
 *   <li>missing {@code dvaIncidentsLast12Months} is the larger of 1 and the call-out count;</li>
 *   <li>missing {@code dash} means no checklist was completed (it stays {@code null});</li>
 *   <li>missing {@code monthsSinceLastMaracReferral} means never referred (it stays {@code null}).</li>
 * </ul>
 * {@code incidentDate} is kept for the record; the engine itself never reads a clock, so the caller
 * supplies today's date (Europe/London) when the request has none. Ages are completed years at the
 * incident date.
 *
 * @throws InvalidCaseFactsException naming every field out of range
 */
public record CaseFacts(
        LocalDate incidentDate,
        Victim victim,
        Perpetrator perpetrator,
        List<Child> children,
        Incident incident,
        Dash dash,
        RiskLevel assessedRiskLevel,
        Boolean professionalJudgementSeriousConcern,
        Integer policeCalloutsLast12Months,
        Integer dvaIncidentsLast12Months,
        Integer monthsSinceLastMaracReferral,
        Household household,
        Integer dvrimScale,
        Boolean victimConsentsToSpocReferral) {

    public CaseFacts {
        // Booleans are boxed so that a request binds whatever the mapper's null handling: missing or null is false.
        professionalJudgementSeriousConcern = isTrue(professionalJudgementSeriousConcern);
        victimConsentsToSpocReferral = isTrue(victimConsentsToSpocReferral);
        victim = victim == null ? Victim.NOT_KNOWN : victim;
        perpetrator = perpetrator == null ? Perpetrator.NOT_KNOWN : perpetrator;
        children = children == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(children));
        incident = incident == null ? Incident.NOT_KNOWN : incident;
        household = household == null ? Household.NONE : household;
        policeCalloutsLast12Months = policeCalloutsLast12Months == null ? 0 : policeCalloutsLast12Months;
        // The current incident is itself a DVA incident, and every police call-out is one too.
        dvaIncidentsLast12Months = dvaIncidentsLast12Months == null
                ? Math.max(1, policeCalloutsLast12Months) : dvaIncidentsLast12Months;
        validate(victim, perpetrator, children, dash, policeCalloutsLast12Months, dvaIncidentsLast12Months,
                monthsSinceLastMaracReferral, dvrimScale);
    }

    /** The adult (or young) victim. */
    public record Victim(Integer ageYears, Boolean pregnant, Boolean careAndSupportNeeds) {
        static final Victim NOT_KNOWN = new Victim(null, false, false);

        public Victim {
            pregnant = isTrue(pregnant);
            careAndSupportNeeds = isTrue(careAndSupportNeeds);
        }
    }

    /** The person causing harm. {@code mappaLevel} 0 means not managed under MAPPA. */
    public record Perpetrator(Integer ageYears, Integer mappaLevel) {
        static final Perpetrator NOT_KNOWN = new Perpetrator(null, 0);

        public Perpetrator {
            mappaLevel = mappaLevel == null ? 0 : mappaLevel;
        }
    }

    /**
     * A child connected with the incident, in the order of the request (the index is the
     * {@code childIndex} of a school notification).
     */
    public record Child(
            Integer ageYears,
            Boolean unborn,
            Boolean livesInHousehold,
            Boolean experiencedIncident,
            Boolean harmed,
            Boolean witnessedSeriousHarm,
            Boolean inViolentRelationship,
            Boolean attendsSchoolOrNursery) {

        public Child {
            unborn = isTrue(unborn);
            livesInHousehold = isTrue(livesInHousehold);
            experiencedIncident = isTrue(experiencedIncident);
            harmed = isTrue(harmed);
            witnessedSeriousHarm = isTrue(witnessedSeriousHarm);
            inViolentRelationship = isTrue(inViolentRelationship);
            attendsSchoolOrNursery = isTrue(attendsSchoolOrNursery);
        }

        /** "Child" means under 18; an unborn child, or one of unknown age, is treated as a child. */
        public boolean isChild() {
            return unborn || ageYears == null || ageYears < 18;
        }

        /**
         * An unborn child counts as a child in the household wherever it is recorded (WM-2.24:
         * an unborn child is a victim and a child who was present).
         */
        public boolean isChildInHousehold() {
            return isChild() && (unborn || livesInHousehold);
        }

        /** Under 12 months: completed age 0, or unborn (WM-2.24 "including an unborn child"). */
        public boolean isUnder12Months() {
            return unborn || (ageYears != null && ageYears == 0);
        }
    }

    /** What happened in this incident. A missing severity is "not known": neither minor nor serious. */
    public record Incident(
            Severity severity,
            Boolean otherRiskIndicators,
            Boolean sexualAssault,
            Boolean strangulation,
            Boolean weapon,
            Boolean threatsToKill,
            Boolean escalating,
            Boolean honourBasedViolence,
            Boolean forcedMarriage,
            CriminalJusticeOutcome criminalJusticeOutcome) {
        static final Incident NOT_KNOWN = new Incident(null, false, false, false, false, false, false, false, false, null);

        public Incident {
            otherRiskIndicators = isTrue(otherRiskIndicators);
            sexualAssault = isTrue(sexualAssault);
            strangulation = isTrue(strangulation);
            weapon = isTrue(weapon);
            threatsToKill = isTrue(threatsToKill);
            escalating = isTrue(escalating);
            honourBasedViolence = isTrue(honourBasedViolence);
            forcedMarriage = isTrue(forcedMarriage);
        }

        /** Sexual assault, attempted strangulation, weapons or threats to kill (WM-2.24 Section 47 list). */
        public boolean involvedSeriousViolence() {
            return sexualAssault || strangulation || weapon || threatsToKill;
        }
    }

    /**
     * A completed DASH checklist: its answers by question number. The "yes" count is always
     * computed from the answers, never supplied.
     */
    public record Dash(Boolean completedByPolice, Map<Integer, Answer> answers) {
        public Dash {
            completedByPolice = isTrue(completedByPolice);
            // TreeMap keeps the answers in question order; copy so the caller cannot change them later.
            answers = answers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(answers));
        }
    }

    /** Circumstances of the household that raise the risk to children. */
    public record Household(
            Boolean parentalMentalIllHealth,
            Boolean parentalSubstanceMisuse,
            Boolean informalAgreementsBrokenDown,
            Boolean adultsUnableToAcceptImpact,
            Boolean contactArrangementsRisk) {
        static final Household NONE = new Household(false, false, false, false, false);

        public Household {
            parentalMentalIllHealth = isTrue(parentalMentalIllHealth);
            parentalSubstanceMisuse = isTrue(parentalSubstanceMisuse);
            informalAgreementsBrokenDown = isTrue(informalAgreementsBrokenDown);
            adultsUnableToAcceptImpact = isTrue(adultsUnableToAcceptImpact);
            contactArrangementsRisk = isTrue(contactArrangementsRisk);
        }
    }

    // ---- derived facts used by several rules ----------------------------------------------

    /** A pregnant victim means there is an unborn child, whether or not one is listed. */
    public boolean hasUnbornChild() {
        if (victim.pregnant()) {
            return true;
        }
        for (Child child : children) {
            if (child.unborn()) {
                return true;
            }
        }
        return false;
    }

    /** A baby (born, completed age 0) living in the household. */
    public boolean hasBabyUnder12MonthsInHousehold() {
        for (Child child : children) {
            if (!child.unborn() && child.isChildInHousehold() && child.isUnder12Months()) {
                return true;
            }
        }
        return false;
    }

    /** Any child under 18 in the household, including an unborn child (a pregnant victim). */
    public boolean hasChildInHousehold() {
        if (victim.pregnant()) {
            return true;
        }
        for (Child child : children) {
            if (child.isChildInHousehold()) {
                return true;
            }
        }
        return false;
    }

    /** Any child at all: listed (under 18), or unborn. */
    public boolean hasAnyChild() {
        if (victim.pregnant()) {
            return true;
        }
        for (Child child : children) {
            if (child.isChild()) {
                return true;
            }
        }
        return false;
    }

    /** A missing flag is "no". */
    private static Boolean isTrue(Boolean flag) {
        return flag != null && flag;
    }

    private static void validate(Victim victim, Perpetrator perpetrator, List<Child> children, Dash dash,
                                 int callouts, int dvaIncidents, Integer monthsSinceMarac, Integer dvrimScale) {
        List<FieldProblem> problems = new ArrayList<>(0);
        checkAge(problems, "victim.ageYears", victim.ageYears());
        checkAge(problems, "perpetrator.ageYears", perpetrator.ageYears());
        if (perpetrator.mappaLevel() < 0 || perpetrator.mappaLevel() > 3) {
            problems.add(new FieldProblem("perpetrator.mappaLevel", "must be 0 to 3, was " + perpetrator.mappaLevel()));
        }
        for (int i = 0; i < children.size(); i++) {
            Child child = children.get(i);
            if (child == null) {
                problems.add(new FieldProblem("children[" + i + "]", "must not be null"));
            } else {
                checkAge(problems, "children[" + i + "].ageYears", child.ageYears());
            }
        }
        if (dash != null) {
            dash.answers().forEach((question, answer) -> {
                if (answer == null) {
                    problems.add(new FieldProblem("dash.answers." + question, "must be YES, NO or NOT_KNOWN"));
                }
            });
        }
        if (callouts < 0) {
            problems.add(new FieldProblem("policeCalloutsLast12Months", "must not be negative, was " + callouts));
        }
        if (dvaIncidents < 0) {
            problems.add(new FieldProblem("dvaIncidentsLast12Months", "must not be negative, was " + dvaIncidents));
        }
        if (monthsSinceMarac != null && monthsSinceMarac < 0) {
            problems.add(new FieldProblem("monthsSinceLastMaracReferral", "must not be negative, was " + monthsSinceMarac));
        }
        if (dvrimScale != null && (dvrimScale < 1 || dvrimScale > 4)) {
            problems.add(new FieldProblem("dvrimScale", "must be 1 to 4, was " + dvrimScale));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseFactsException(problems);
        }
    }

    private static void checkAge(List<FieldProblem> problems, String field, Integer age) {
        if (age != null && (age < 0 || age > 130)) {
            problems.add(new FieldProblem(field, "must be 0 to 130 completed years, was " + age));
        }
    }
}
