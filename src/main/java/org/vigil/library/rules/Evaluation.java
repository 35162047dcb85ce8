package org.vigil.library.rules;

import java.util.List;

/**
 * The verdict on one rule.
 *
 * @param triggered whether the condition holds
 * @param evidence  when triggered, what made it hold: every leaf of an {@code all}, every true leaf of
 *                  an {@code any}; empty when not triggered
 */
public record Evaluation(boolean triggered, List<Evidence> evidence) {

    public Evaluation {
        evidence = List.copyOf(evidence);
    }

    static final Evaluation FALSE = new Evaluation(false, List.of());

    static Evaluation of(Evidence evidence) {
        return evidence == null ? FALSE : new Evaluation(true, List.of(evidence));
    }
}
