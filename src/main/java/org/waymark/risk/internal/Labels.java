package org.waymark.risk.internal;

import java.util.Map;

/** Plain-English labels for codes shown on the assessment pages. */
final class Labels {

    static final Labels INSTANCE = new Labels();

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("YES", "Yes"), Map.entry("NO", "No"), Map.entry("NOT_KNOWN", "Not known"),
            Map.entry("MINOR", "Minor"), Map.entry("STANDARD", "Standard"), Map.entry("SERIOUS", "Serious"),
            Map.entry("MEDIUM", "Medium"), Map.entry("HIGH", "High"),
            Map.entry("NO_ARREST", "No arrest"),
            Map.entry("BAILED_WITHOUT_CONDITIONS", "Bailed without conditions"),
            Map.entry("UNDER_INVESTIGATION", "Released under investigation"),
            Map.entry("CAUTION", "Caution"), Map.entry("NO_FURTHER_ACTION", "No further action"),
            Map.entry("CHARGED_BAILED_WITH_CONDITIONS", "Charged and bailed with conditions"),
            Map.entry("CHARGED_REMANDED", "Charged and remanded in custody"),
            Map.entry("sexualAssault", "Sexual assault"),
            Map.entry("strangulation", "Strangulation, choking or suffocation (including attempts)"),
            Map.entry("weapon", "A weapon was used or threatened"),
            Map.entry("threatsToKill", "Threats to kill"),
            Map.entry("escalating", "The abuse is escalating in frequency or severity"),
            Map.entry("honourBasedViolence", "Honour-based violence is indicated"),
            Map.entry("forcedMarriage", "Forced marriage is indicated"),
            Map.entry("otherRiskIndicators", "Other indicators of risk"),
            Map.entry("parentalMentalIllHealth", "A parent has mental ill health"),
            Map.entry("parentalSubstanceMisuse", "A parent misuses drugs or alcohol"),
            Map.entry("informalAgreementsBrokenDown", "Informal agreements to keep the children safe have broken down"),
            Map.entry("adultsUnableToAcceptImpact", "The adults cannot accept the impact of the abuse on the children"),
            Map.entry("contactArrangementsRisk", "Contact arrangements put a child at risk of significant harm"),
            Map.entry("livesInHousehold", "Lives in the household"),
            Map.entry("experiencedIncident", "Was present at, saw or heard the incident"),
            Map.entry("harmed", "Was harmed in the incident, even by accident"),
            Map.entry("witnessedSeriousHarm", "Saw someone else seriously injured or abused"),
            Map.entry("inViolentRelationship", "Is in a violent relationship of their own"),
            Map.entry("attendsSchoolOrNursery", "Attends a school or nursery"),
            Map.entry("specialNeeds", "Has special educational needs or a disability"),
            Map.entry("IN_PROGRESS", "In progress"), Map.entry("COMPLETED", "Completed"),
            Map.entry("WILL_TAKE", "We will do this"), Map.entry("WILL_NOT_TAKE", "We will not do this"));

    public String of(Object code) {
        if (code == null) {
            return "";
        }
        String key = code instanceof Enum<?> e ? e.name() : code.toString();
        return TEXT.getOrDefault(key, key);
    }
}
