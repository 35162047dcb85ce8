package org.vigil.patients.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A patient's diagnosis as the API returns it. */
record DiagnosisView(String id, String patientId, String icd10Code, String label, boolean isPrimary,
        LocalDate onsetDate, LocalDate resolvedDate, Instant createdAt, Instant updatedAt) {

    static DiagnosisView of(PatientDiagnosis diagnosis) {
        return new DiagnosisView(diagnosis.getId(), diagnosis.getPatientId(), diagnosis.getIcd10Code(),
                diagnosis.getLabel(), diagnosis.isPrimary(), diagnosis.getOnsetDate(), diagnosis.getResolvedDate(),
                diagnosis.getCreatedAt(), diagnosis.getUpdatedAt());
    }
}
