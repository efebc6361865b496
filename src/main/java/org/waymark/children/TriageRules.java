package org.waymark.children;

import java.time.Duration;
import java.time.Instant;

import org.waymark.platform.WorkingCalendar;
import org.waymark.risk.RiskLevel;

/**
 * Where a police notification goes for triage and by when (decision-rules D4, from SOL "Domestic Abuse
 * Triage"): high risk (DVRIM level 4, or DASH high) to the MASH at once and flagged urgent; a family already
 * open to children's social care to its allocated caseworker; everything else to the multi-agency triage
 * panel, to be discussed within 48 hours. Plain Java; the durations are the partnership's settings.
 */
public final class TriageRules {

    public static final String SOURCE = "SOL Domestic Abuse Triage; decision-rules D4";

    private TriageRules() {
    }

    public enum Route {
        MASH_URGENT("To the MASH at once (urgent)"),
        CASEWORKER("To the family's allocated social worker"),
        PANEL("To the daily multi-agency triage panel");

        private final String label;

        Route(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How long each route may take: the partnership's settings (SOL: the panel within 48 hours). */
    public record Deadlines(Duration urgentWithin, Duration panelWithin) {
        public static final Deadlines SOL = new Deadlines(Duration.ofHours(1), Duration.ofHours(48));
    }

    /** The route, why (in plain words, with the rule), and whether it is urgent. */
    public record Routing(Route route, String reason, boolean urgent) {
    }

    public static Routing route(RiskLevel riskLevel, Integer dvrimScale, boolean openToChildrensSocialCare) {
        if (riskLevel == RiskLevel.HIGH || (dvrimScale != null && dvrimScale == 4)) {
            String why = riskLevel == RiskLevel.HIGH ? "the DASH risk level is high" : "the children's risk is at level 4";
            return new Routing(Route.MASH_URGENT, "High risk: " + why + " (" + SOURCE + ")", true);
        }
        if (openToChildrensSocialCare) {
            return new Routing(Route.CASEWORKER,
                    "The family is already open to children's social care: forwarded to the allocated social worker ("
                            + SOURCE + ")", false);
        }
        return new Routing(Route.PANEL, "Not high risk and not open to children's social care: the multi-agency"
                + " triage panel discusses it within the panel deadline (" + SOURCE + ")", false);
    }

    /**
     * When triage is due: urgent cases within {@code urgentWithin}; the caseworker by the end of the next
     * working day (England and Wales bank holidays); the panel within {@code panelWithin} of receipt.
     */
    public static Instant dueAt(Route route, Instant received, Deadlines deadlines, WorkingCalendar calendar) {
        return switch (route) {
            case MASH_URGENT -> received.plus(deadlines.urgentWithin());
            case CASEWORKER -> calendar.endOfNextWorkingDay(received).toInstant();
            case PANEL -> received.plus(deadlines.panelWithin());
        };
    }
}
