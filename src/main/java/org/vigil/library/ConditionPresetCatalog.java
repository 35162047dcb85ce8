package org.vigil.library;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.vigil.library.internal.ConditionPresetRepository;

/**
 * Condition presets as other modules see them. Call it inside the caller's tenant scope: row-level
 * security then shows the standardized library and the organization's own presets, never another
 * organization's (the same rule the {@code vigil_guard_reference} trigger applies on write).
 */
@Service
public class ConditionPresetCatalog {

    private final ConditionPresetRepository presets;

    ConditionPresetCatalog(ConditionPresetRepository presets) {
        this.presets = presets;
    }

    public Optional<ConditionPresetInfo> findVisible(String conditionPresetId) {
        if (conditionPresetId == null) {
            return Optional.empty();
        }
        return presets.findById(conditionPresetId).map(preset -> new ConditionPresetInfo(preset.getId(),
                preset.getName(), preset.getOrganizationId() == null, preset.isActive()));
    }

    /** The active presets visible here (the standardized library and the organization's own), by name. */
    public java.util.List<ConditionPresetInfo> activeVisible() {
        return presets.findAll(org.springframework.data.domain.Sort.by("name")).stream()
                .filter(preset -> preset.isActive())
                .map(preset -> new ConditionPresetInfo(preset.getId(), preset.getName(),
                        preset.getOrganizationId() == null, true))
                .toList();
    }
}
