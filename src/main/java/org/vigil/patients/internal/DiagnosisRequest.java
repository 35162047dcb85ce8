package org.vigil.patients.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A diagnosis as entered: ICD-10-CM code, label, primary flag (absent = not primary), onset and
 * (when over) resolution.
 */
record DiagnosisRequest(@NotBlank @Size(max = 10) String icd10Code, @NotBlank @Size(max = 300) String label,
        Boolean isPrimary, @PastOrPresent LocalDate onsetDate, @PastOrPresent LocalDate resolvedDate) {

    boolean primary() {
        return Boolean.TRUE.equals(isPrimary);
    }
}
