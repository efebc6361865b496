package org.waymark.risk;

/**
 * One bad input field, named by its path in the evaluation request (for example
 * {@code children[1].ageYears} or {@code dash.answers.25}), with a plain explanation.
 */
public record FieldProblem(String field, String problem) {
}
