package org.vigil.library.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Rule JSON refused, with every problem found and where it is. */
public class InvalidConditionException extends RuntimeException {

    private final List<ConditionError> errors;

    public InvalidConditionException(List<ConditionError> errors) {
        super(errors.stream().map(ConditionError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid condition has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in document order. */
    public List<ConditionError> errors() {
        return errors;
    }
}
