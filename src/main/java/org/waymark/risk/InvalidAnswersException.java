package org.waymark.risk;

import java.util.List;

/** Checklist answers that do not fit the instrument: unknown question numbers or answer values. */
public class InvalidAnswersException extends InvalidInputException {
    public InvalidAnswersException(List<FieldProblem> problems) {
        super(problems);
    }
}
