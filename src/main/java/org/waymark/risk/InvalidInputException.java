package org.waymark.risk;

import java.util.List;
import java.util.stream.Collectors;

/** Input the risk module cannot accept; lists every bad field, not only the first. */
public class InvalidInputException extends IllegalArgumentException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.problem()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
