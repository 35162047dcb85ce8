package org.vigil.library.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * A scheduled dose of any of the patient's medications, taken or missed.
 *
 * @param at    when the dose was due (or taken)
 * @param taken whether it was taken
 */
public record DoseEvent(Instant at, boolean taken) {

    public DoseEvent {
        Objects.requireNonNull(at, "at");
    }
}
