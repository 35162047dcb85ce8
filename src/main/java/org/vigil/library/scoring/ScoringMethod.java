package org.vigil.library.scoring;

/** How item answers combine into a total. */
public enum ScoringMethod {
    /** The sum of the counted items (PHQ-9, PHQ-2, GAD-7, GAD-2, numeric pain rating). */
    SUM,
    /** The mean of the answered counted items, rounded to {@code decimals} (PEG). */
    AVERAGE
}
