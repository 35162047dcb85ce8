package org.vigil.library.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of scoring one submission: the total (scaled to the spec's decimals), its band (null
 * when the spec has no bands), the item flags raised, and how many counted items were answered.
 */
public record Score(BigDecimal total, Band band, List<Flag> flags, int answered) {

    public Score {
        flags = List.copyOf(flags);
    }
}
