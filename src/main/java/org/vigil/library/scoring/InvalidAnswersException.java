package org.vigil.library.scoring;

import java.util.List;

/**
 * Answers that cannot be scored: required items missing, or a value outside the items' range.
 * Names every offending item so the caller can report them field by field.
 */
public class InvalidAnswersException extends IllegalArgumentException {

    private final List<String> items;

    public InvalidAnswersException(List<String> items, String message) {
        super(message + ": " + String.join(", ", items));
        this.items = List.copyOf(items);
    }

    /** Metric keys of the offending items. */
    public List<String> items() {
        return items;
    }
}
