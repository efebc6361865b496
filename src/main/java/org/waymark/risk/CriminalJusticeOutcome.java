package org.waymark.risk;

/** What has happened to the perpetrator so far in the criminal justice process. */
public enum CriminalJusticeOutcome {
    NO_ARREST,
    BAILED_WITHOUT_CONDITIONS,
    UNDER_INVESTIGATION,
    CAUTION,
    NO_FURTHER_ACTION,
    CHARGED_BAILED_WITH_CONDITIONS,
    CHARGED_REMANDED
}
