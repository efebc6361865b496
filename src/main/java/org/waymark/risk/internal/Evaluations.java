package org.waymark.risk.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.risk.Answer;
import org.waymark.risk.CaseFacts;
import org.waymark.risk.Evaluation;
import org.waymark.risk.FieldProblem;
import org.waymark.risk.InstrumentCatalogue;
import org.waymark.risk.InstrumentScoring;
import org.waymark.risk.InvalidInputException;
import org.waymark.risk.ProcedureRules;

/** Turns an evaluation request into case facts, reporting every bad field at once, and evaluates it. */
@Service
class Evaluations {

    private final ProcedureRules rules;
    private final Clock clock;

    Evaluations(ProcedureRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    Evaluation evaluate(EvaluationRequest request) {
        return evaluate(request, new ArrayList<>());
    }

    /**
     * Evaluates, adding every further problem to those the binding found; any problem at all
     * answers 400 naming each field, and nothing is evaluated.
     */
    Evaluation evaluate(EvaluationRequest request, List<FieldError> errors) {
        if (request == null) {
            throw new InvalidRequestException(errors);
        }
        String profile = request.profile() == null ? rules.defaultProfile() : request.profile();
        try {
            rules.profile(profile);
        } catch (InvalidInputException e) {
            add(errors, e);
        }
        CaseFacts facts = null;
        try {
            facts = toFacts(request, errors);
        } catch (InvalidInputException e) {
            add(errors, e);
        }
        if (!errors.isEmpty() || facts == null) {
            throw new InvalidRequestException(errors);
        }
        return rules.evaluate(facts, profile);
    }

    /** Builds the facts; bad DASH answers are collected in {@code errors} and left out. */
    CaseFacts toFacts(EvaluationRequest request, List<FieldError> errors) {
        CaseFacts.Dash dash = null;
        // A DASH with no answers at all was not completed: it must not count as a checklist of 0 "yes".
        if (request.dash() != null && request.dash().answers() != null && !request.dash().answers().isEmpty()) {
            Map<Integer, Answer> answers = Map.of();
            try {
                answers = InstrumentScoring.parseAnswers(dashInstrument(),
                        request.dash().answers() == null ? Map.of() : request.dash().answers(), "dash.answers");
            } catch (InvalidInputException e) {
                add(errors, e);
            }
            dash = new CaseFacts.Dash(request.dash().completedByPolice(), answers);
        }
        LocalDate incidentDate = request.incidentDate() == null ? LocalDate.now(clock) : request.incidentDate();
        return new CaseFacts(incidentDate, request.victim(), request.perpetrator(), request.children(),
                request.incident(), dash, request.assessedRiskLevel(), request.professionalJudgementSeriousConcern(),
                request.policeCalloutsLast12Months(), request.dvaIncidentsLast12Months(),
                request.monthsSinceLastMaracReferral(), request.household(), request.dvrimScale(),
                request.victimConsentsToSpocReferral());
    }

    private org.waymark.risk.Instrument dashInstrument() {
        return rules.instruments().latest(InstrumentCatalogue.DASH_RIC).orElseThrow();
    }

    private static void add(List<FieldError> errors, InvalidInputException e) {
        for (FieldProblem problem : e.problems()) {
            errors.add(new FieldError(problem.field(), problem.problem()));
        }
    }
}
