package org.vigil.patients.internal;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the patient search, all optional: {@code name} (every word must appear in the
 * first or last name, case-insensitive), {@code medicalRecordNumber} (exact), {@code dateOfBirth}
 * (ISO date), {@code active}; {@code sort} from {@link Patients#SORTS}.
 */
record PatientSearchParams(@Size(max = 100) String name, @Size(max = 64) String medicalRecordNumber,
        LocalDate dateOfBirth, Boolean active, @Size(max = 100) String sort) {

    /** The names of the filters used (for the audit log: names, never the values searched for). */
    List<String> filtersUsed() {
        List<String> used = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            used.add("name");
        }
        if (medicalRecordNumber != null && !medicalRecordNumber.isBlank()) {
            used.add("medicalRecordNumber");
        }
        if (dateOfBirth != null) {
            used.add("dateOfBirth");
        }
        if (active != null) {
            used.add("active");
        }
        return used;
    }
}
