package org.waymark.risk;

/** Risk of serious harm to the adult victim, as graded after a DASH and professional judgement. */
public enum RiskLevel {
    STANDARD, MEDIUM, HIGH
}
