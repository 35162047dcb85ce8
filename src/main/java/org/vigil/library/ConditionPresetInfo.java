package org.vigil.library;

/** What other modules may know of a condition preset: standardized (organization null) or an organization's own. */
public record ConditionPresetInfo(String id, String name, boolean standardized, boolean active) {
}
