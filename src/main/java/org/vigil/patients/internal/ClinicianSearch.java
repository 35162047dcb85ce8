package org.vigil.patients.internal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of {@code GET /api/v1/clinicians}, all optional: {@code name} (part of the first or
 * last name, any case), {@code email} (part of it, any case), {@code npi} (exact), {@code active}.
 */
record ClinicianSearch(@Size(max = 100) String name, @Size(max = 254) String email,
        @Pattern(regexp = "^[0-9]{10}$", message = "must be 10 digits") String npi, Boolean active) {

    /** The names of the filters in use (for the audit log: names, never values). */
    List<String> used() {
        List<String> used = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            used.add("name");
        }
        if (email != null && !email.isBlank()) {
            used.add("email");
        }
        if (npi != null) {
            used.add("npi");
        }
        if (active != null) {
            used.add("active");
        }
        return used;
    }
}
