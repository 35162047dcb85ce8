package org.vigil.library.rules;

import java.time.Instant;
import java.util.List;

/** Selecting readings by window; the lists are oldest first and already cut at {@code now}. */
final class Windows {

    private Windows() {
    }

    /** The readings in the window: the last N, or those in {@code (now − d, now]}. */
    static List<Reading> select(Window window, List<Reading> upToNow, Instant now) {
        if (window instanceof Window.LastReadings l) {
            return upToNow.subList(Math.max(0, upToNow.size() - l.count()), upToNow.size());
        }
        Window.Timed timed = (Window.Timed) window;
        return upToNow.stream().filter(r -> timed.contains(r.recordedAt(), now)).toList();
    }

    /** The latest reading, when it lies in the (optional) window; otherwise {@code null}. */
    static Reading latest(List<Reading> upToNow, Window.Timed window, Instant now) {
        if (upToNow.isEmpty()) {
            return null;
        }
        Reading latest = upToNow.get(upToNow.size() - 1);
        return window == null || window.contains(latest.recordedAt(), now) ? latest : null;
    }

    /** ", within 24 h" or "". */
    static String within(Window.Timed window) {
        return window == null ? "" : "within " + window.describe();
    }
}
