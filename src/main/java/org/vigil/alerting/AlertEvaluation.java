package org.vigil.alerting;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Operational control of the alert evaluation (maintenance, incident response): while paused,
 * readings are still stored and their {@code ReadingsRecorded} publications stay incomplete in the
 * event publication registry; {@link #resume()} resubmits every incomplete publication, as a
 * restart does ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Nothing
 * stored while paused goes unevaluated.
 */
@Component
public class AlertEvaluation {

    /** Thrown by the listener while paused, so that the publication stays incomplete. */
    public static final class Paused extends RuntimeException {
        Paused() {
            super("alert evaluation is paused; the publication stays incomplete until resumed", null, false, false);
        }
    }

    private final AtomicBoolean paused = new AtomicBoolean();
    private final IncompleteEventPublications incomplete;

    AlertEvaluation(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    public void pause() {
        paused.set(true);
    }

    public boolean isPaused() {
        return paused.get();
    }

    /** Resumes evaluation and resubmits every incomplete publication (evaluated asynchronously). */
    public void resume() {
        paused.set(false);
        incomplete.resubmitIncompletePublications(publication -> true);
    }

    /** Called by the listener first: refuses work while paused. */
    public void requireRunning() {
        if (paused.get()) {
            throw new Paused();
        }
    }
}
