package org.waymark.risk;

import java.util.Collection;
import java.util.List;

/** A request named a partnership profile that is not loaded. */
public class UnknownProfileException extends InvalidInputException {
    public UnknownProfileException(String id, Collection<String> known) {
        super(List.of(new FieldProblem("profile", "unknown profile '" + id + "'; known profiles: " + known)));
    }
}
