package org.waymark.risk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.platform.FieldError;
import org.waymark.platform.StrictJsonBinding;
import org.waymark.risk.CaseFacts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Decision rules", description = "The procedures' decision rules applied to one case")
class EvaluationApi {

    /** More children than this is not a household but an attempt to tie up the server. */
    static final int MAX_CHILDREN = 30;

    private final Evaluations evaluations;
    private final StrictJsonBinding binding;

    EvaluationApi(Evaluations evaluations, JsonMapper json) {
        this.evaluations = evaluations;
        this.binding = new StrictJsonBinding(json, Map.of(CaseFacts.Child.class, MAX_CHILDREN));
    }

    @PostMapping
    @Operation(summary = "Evaluate a case: risk level, MARAC criteria and every action the procedures require,"
            + " each with its reasons, the rules that fired and their source",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = EvaluationRequest.class))))
    EvaluationResponse evaluate(@RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        EvaluationRequest request = binding.bind(body, EvaluationRequest.class, errors);
        return EvaluationResponse.of(evaluations.evaluate(request, errors));
    }
}
