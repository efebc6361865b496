package org.waymark.risk;

import java.util.List;

/** The case facts break the evaluation contract (negative age, MAPPA level 5, DVRIM scale 0...). */
public class InvalidCaseFactsException extends InvalidInputException {
    public InvalidCaseFactsException(List<FieldProblem> problems) {
        super(problems);
    }
}
