package org.waymark.risk.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Decision rules", description = "The procedures' decision rules applied to one case")
class EvaluationApi {

    private final Evaluations evaluations;

    EvaluationApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping
    @Operation(summary = "Evaluate a case: risk level, MARAC criteria and every action the procedures require,"
            + " each with its reasons, the rules that fired and their source")
    EvaluationResponse evaluate(@RequestBody EvaluationRequest request) {
        return EvaluationResponse.of(evaluations.evaluate(request));
    }
}
