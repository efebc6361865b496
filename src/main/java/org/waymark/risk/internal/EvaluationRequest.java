package org.waymark.risk.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.waymark.risk.CaseFacts;
import org.waymark.risk.RiskLevel;

/**
 * The body of POST /api/v1/evaluations, field for field as the contract gives it. DASH answers
 * arrive as strings so that every bad question number and value can be named, not only the first.
 */
record EvaluationRequest(
        String profile,
        LocalDate incidentDate,
        CaseFacts.Victim victim,
        CaseFacts.Perpetrator perpetrator,
        List<CaseFacts.Child> children,
        CaseFacts.Incident incident,
        DashAnswers dash,
        RiskLevel assessedRiskLevel,
        Boolean professionalJudgementSeriousConcern,
        Integer policeCalloutsLast12Months,
        Integer dvaIncidentsLast12Months,
        Integer monthsSinceLastMaracReferral,
        CaseFacts.Household household,
        Integer dvrimScale,
        Boolean victimConsentsToSpocReferral) {

    record DashAnswers(Boolean completedByPolice, Map<String, String> answers) {
    }
}
