package org.waymark.children;

/**
 * The threshold decisions a MASH triage can reach, lowest response first (WM-2.24 children's social care
 * response to police notifications; SOL DVRIM outcomes; DDSCP thresholds).
 */
public enum ThresholdOutcome {
    INFORMATION_AND_ADVICE("Information and advice only"),
    SINGLE_AGENCY_SUPPORT("Early help or single agency support"),
    LEAD_PROFESSIONAL_FAMILY_SUPPORT("Family support from several agencies with a lead professional"),
    CHILD_IN_NEED_ASSESSMENT("Child in need assessment by children's social care"),
    STRATEGY_DISCUSSION("Strategy discussion (Section 47)");

    private final String label;

    ThresholdOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean lowerThan(ThresholdOutcome other) {
        return ordinal() < other.ordinal();
    }
}
