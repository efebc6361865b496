package org.waymark.children;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partnership's settings for the children's pathway ({@code waymark.children.*}). The defaults are the
 * procedures' own: urgent triage at once (an hour), the triage panel within 48 hours (SOL), a strategy
 * discussion by the end of the next working day, a child and family assessment within 45 working days
 * (Working Together 2023). {@code mashAgency} and {@code childrensSocialCareAgency} name the agencies when a
 * partnership has more than one of that kind.
 */
@ConfigurationProperties("waymark.children")
public record ChildrenSettings(Duration urgentTriageWithin, Duration panelWithin, Integer assessmentWithinWorkingDays,
                               String mashAgency, String childrensSocialCareAgency) {

    public ChildrenSettings {
        urgentTriageWithin = urgentTriageWithin == null ? Duration.ofHours(1) : urgentTriageWithin;
        panelWithin = panelWithin == null ? Duration.ofHours(48) : panelWithin;
        assessmentWithinWorkingDays = assessmentWithinWorkingDays == null ? 45 : assessmentWithinWorkingDays;
    }

    public TriageRules.Deadlines triageDeadlines() {
        return new TriageRules.Deadlines(urgentTriageWithin, panelWithin);
    }
}
