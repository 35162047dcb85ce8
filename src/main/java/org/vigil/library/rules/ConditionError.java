package org.vigil.library.rules;

/**
 * One problem in a rule's JSON.
 *
 * @param path    where, as a JSON path from the rule's root: {@code $.all[1].window.hours}
 * @param message what is wrong, e.g. "must be between 1 and 8760"
 */
public record ConditionError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
