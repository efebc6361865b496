package org.waymark.risk.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.waymark.risk.Evaluation;
import org.waymark.risk.RecommendedAction;

/** The evaluation as the contract gives it: codes, reasons, the rules that fired and their source. */
record EvaluationResponse(String profile, String riskLevel, Integer dashYesCount, List<String> maracCriteria,
                          List<Action> actions) {

    record Action(String code, List<String> reasons, List<String> rules, String source,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer childIndex) {

        static Action of(RecommendedAction action) {
            return new Action(action.code().name(), action.reasons().stream().map(Enum::name).toList(),
                    action.rules(), action.source(), action.childIndex());
        }
    }

    static EvaluationResponse of(Evaluation evaluation) {
        return new EvaluationResponse(evaluation.profile(),
                evaluation.riskLevel() == null ? null : evaluation.riskLevel().name(),
                evaluation.dashYesCount(), evaluation.maracCriteria().stream().map(Enum::name).toList(),
                evaluation.actions().stream().map(Action::of).toList());
    }
}
