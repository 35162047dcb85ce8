package org.vigil.library.scoring;

/** A scoring specification or item flag rule that cannot be used; {@link #path()} points at the fault. */
public class InvalidScoringSpecException extends IllegalArgumentException {

    private final String path;

    public InvalidScoringSpecException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** JSON path of the offending value, e.g. {@code $.bands[2].max} or {@code phq9_item9.flag_rule$.op}. */
    public String path() {
        return path;
    }
}
