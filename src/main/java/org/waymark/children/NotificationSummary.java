package org.waymark.children;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A police notification at a glance, for the force's list and the MASH triage queue. */
public record NotificationSummary(UUID id, String reference, Instant submittedAt, String agencyName, LocalDate incidentOn,
                                  String riskLevel, int children, TriageRules.Route route, String triageStatus,
                                  Instant triageDueAt, boolean urgent, ThresholdOutcome outcome,
                                  ThresholdOutcome recommendedOutcome) {
}
