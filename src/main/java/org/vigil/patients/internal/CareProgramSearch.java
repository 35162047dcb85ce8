package org.vigil.patients.internal;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.vigil.patients.CareProgramType;

/** The filters of {@code GET /api/v1/care-programs}: {@code name} (part, any case), {@code type}, {@code active}. */
record CareProgramSearch(@Size(max = 200) String name, CareProgramType type, Boolean active) {

    List<String> used() {
        List<String> used = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            used.add("name");
        }
        if (type != null) {
            used.add("type");
        }
        if (active != null) {
            used.add("active");
        }
        return used;
    }
}
