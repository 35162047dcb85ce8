package org.vigil.patients.internal;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.vigil.patients.EnrollmentStatus;

/**
 * The filters of {@code GET /api/v1/enrollments}, all optional and exact. An id filter naming no
 * record of the organization is 404 naming the filter, as a path id would be.
 */
record EnrollmentSearch(@Size(max = 64) String patientId, @Size(max = 64) String clinicianId,
        @Size(max = 64) String careProgramId, EnrollmentStatus status) {

    List<String> used() {
        List<String> used = new ArrayList<>();
        if (patientId != null) {
            used.add("patientId");
        }
        if (clinicianId != null) {
            used.add("clinicianId");
        }
        if (careProgramId != null) {
            used.add("careProgramId");
        }
        if (status != null) {
            used.add("status");
        }
        return used;
    }
}
