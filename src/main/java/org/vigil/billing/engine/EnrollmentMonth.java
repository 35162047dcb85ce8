package org.vigil.billing.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Catalog.Program;

/**
 * One enrollment of a patient, evaluated for one month as known on {@code today}: what every rule of
 * the evaluation reads.
 *
 * @param enrolled   the enrollment's billing program, or null when it is not in the catalog
 * @param kind       the program's kind ({@code OTHER} without a program)
 * @param episodeEnd the enrollment's last day, or {@link LocalDate#MAX} while it is open
 */
record EnrollmentMonth(Facts.Patient patient, Facts.Enrollment enrollment, YearMonth month, LocalDate today,
        LocalDate monthStart, LocalDate monthEnd, Program enrolled, Kind kind, LocalDate episodeEnd) {

    static EnrollmentMonth of(Facts.Patient patient, Facts.Enrollment e, YearMonth month, LocalDate today, Program enrolled) {
        return new EnrollmentMonth(patient, e, month, today, month.atDay(1), month.atEndOfMonth(), enrolled,
                enrolled == null ? Kind.OTHER : enrolled.kind(), e.end() == null ? LocalDate.MAX : e.end());
    }

    /** The ICD-10 codes of the patient's diagnoses current at some point of the month, sorted. */
    Set<String> currentDiagnoses() {
        return patient.diagnoses().stream().filter(d -> d.currentDuring(monthStart, monthEnd))
                .map(Facts.Diagnosis::icd10).collect(Collectors.toCollection(TreeSet::new));
    }
}
