package org.vigil.demo;

/** How a demo patient's last 60 days went: what their readings look like and which alerts follow. */
enum DemoCourse {
    /** Measures most days, values within the patient's usual range. */
    STEADY,
    /** Values drift the wrong way over the last two weeks and now cross a rule's threshold (an open alert). */
    WORSENING,
    /** The latest value is dangerous (a critical open alert). */
    CRISIS,
    /** A bad stretch that ended three days ago: its alert was worked and resolved, values are back to usual. */
    EPISODE,
    /** Measures on fewer than half of the days (the billing board shows the device days at risk). */
    SPARSE,
    /** Stopped measuring several days ago (a missing-data alert follows from the scheduled check). */
    STOPPED
}
