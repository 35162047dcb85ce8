package org.vigil.billing.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.billing.engine.Facts.Clinician;
import org.vigil.billing.engine.Facts.Consent;
import org.vigil.billing.engine.Facts.Contact;
import org.vigil.billing.engine.Facts.DataDay;
import org.vigil.billing.engine.Facts.Diagnosis;
import org.vigil.billing.engine.Facts.Insurance;
import org.vigil.billing.engine.Facts.Performer;
import org.vigil.billing.engine.Facts.TimeEntry;
import org.vigil.billing.engine.Readiness.CodeResult;

/** Builders for engine facts over the shipped catalog (the same data the application loads). */
final class Given {

    static final Catalog CATALOG = CatalogJson.shipped();
    static final Clinician MD = new Clinician("md", Performer.PHYSICIAN, "1234567893");
    static final Clinician NP = new Clinician("np", Performer.NON_PHYSICIAN_PRACTITIONER, "1245319599");
    static final Clinician PT = new Clinician("pt", Performer.THERAPIST, "1679576722");
    static final Clinician RN = new Clinician("rn", Performer.CLINICAL_STAFF, null);
    static final List<String> PROGRAM_TYPES = List.of("REMOTE_PATIENT_MONITORING", "REMOTE_THERAPEUTIC_MONITORING",
            "CHRONIC_CARE_MANAGEMENT", "PRINCIPAL_CARE_MANAGEMENT", "ADVANCED_PRIMARY_CARE_MANAGEMENT",
            "BEHAVIORAL_HEALTH_INTEGRATION");

    private Given() {
    }

    static PatientBuilder patient() {
        return new PatientBuilder();
    }

    static EnrollmentBuilder enrollment(String id, String program, LocalDate start) {
        return new EnrollmentBuilder(id, program, start);
    }

    static final class PatientBuilder {
        Insurance insurance = new Insurance("MEDICARE_PART_B", false);
        List<Diagnosis> diagnoses = new ArrayList<>(List.of(new Diagnosis("I10", true, null, null)));
        List<Consent> consents = new ArrayList<>();
        List<Facts.Enrollment> enrollments = new ArrayList<>();

        PatientBuilder() {
            for (String type : PROGRAM_TYPES) {
                consents.add(new Consent("PROGRAM", type, LocalDate.of(2024, 1, 1), null, true));
            }
        }

        PatientBuilder insurance(String type, boolean qmb) {
            insurance = new Insurance(type, qmb);
            return this;
        }

        PatientBuilder diagnoses(String... codes) {
            diagnoses.clear();
            for (int i = 0; i < codes.length; i++) {
                diagnoses.add(new Diagnosis(codes[i], i == 0, null, null));
            }
            return this;
        }

        PatientBuilder consents(Consent... given) {
            consents = new ArrayList<>(List.of(given));
            return this;
        }

        PatientBuilder with(EnrollmentBuilder... builders) {
            for (EnrollmentBuilder b : builders) {
                enrollments.add(b.build());
            }
            return this;
        }

        Facts.Patient build() {
            return new Facts.Patient("patient", insurance, diagnoses, consents, enrollments);
        }

        List<Readiness.Enrollment> evaluate(YearMonth month, LocalDate today) {
            return evaluate(month, today, BillingPolicy.defaults());
        }

        List<Readiness.Enrollment> evaluate(YearMonth month, LocalDate today, BillingPolicy policy) {
            return new BillingEngine(CATALOG, policy, "org").evaluate(build(), month, today);
        }

        Readiness.Enrollment only(YearMonth month, LocalDate today) {
            return evaluate(month, today).get(0);
        }
    }

    static final class EnrollmentBuilder {
        final String id;
        final String program;
        final LocalDate start;
        LocalDate end;
        Clinician clinician = MD;
        boolean attested = true;
        Set<String> attestations = new HashSet<>();
        List<DataDay> days = new ArrayList<>();
        List<TimeEntry> time = new ArrayList<>();
        LocalDate lastVisit = LocalDate.of(2025, 6, 1);

        EnrollmentBuilder(String id, String program, LocalDate start) {
            this.id = id;
            this.program = program;
            this.start = start;
        }

        EnrollmentBuilder clinician(Clinician c) {
            clinician = c;
            return this;
        }

        EnrollmentBuilder ended(LocalDate day) {
            end = day;
            return this;
        }

        EnrollmentBuilder attested(boolean value) {
            attested = value;
            return this;
        }

        EnrollmentBuilder attest(String... what) {
            attestations.addAll(List.of(what));
            return this;
        }

        EnrollmentBuilder noVisit() {
            lastVisit = null;
            return this;
        }

        /** Device readings on {@code count} consecutive days from {@code first}. */
        EnrollmentBuilder deviceDays(LocalDate first, int count) {
            for (int i = 0; i < count; i++) {
                days.add(new DataDay(first.plusDays(i), 3, 0));
            }
            return this;
        }

        /** Self-reported (manually typed) readings on {@code count} consecutive days. */
        EnrollmentBuilder manualDays(LocalDate first, int count) {
            for (int i = 0; i < count; i++) {
                days.add(new DataDay(first.plusDays(i), 0, 1));
            }
            return this;
        }

        EnrollmentBuilder minutes(Clinician by, LocalDate day, int minutes, Contact contact) {
            time.add(new TimeEntry(by.clinicianId(), by.performer(), day, minutes, contact));
            return this;
        }

        Facts.Enrollment build() {
            return new Facts.Enrollment(id, program, "ACTIVE", start, end, clinician, attested, attestations, days, time, lastVisit);
        }
    }

    /** The one result of a code (for a device code: the period billed in the month). */
    static CodeResult code(Readiness.Enrollment e, String code) {
        List<CodeResult> found = e.codes().stream().filter(c -> c.code().equals(code)).toList();
        List<CodeResult> inMonth = found.stream().filter(CodeResult::billedInMonth).toList();
        List<CodeResult> pick = inMonth.isEmpty() ? found : inMonth;
        if (pick.size() != 1) {
            throw new AssertionError("Expected one result for " + code + " but got " + found);
        }
        return pick.get(0);
    }

    /** The result of a code for the period whose date of service is {@code dateOfService}. */
    static CodeResult code(Readiness.Enrollment e, String code, LocalDate dateOfService) {
        return e.codes().stream().filter(c -> c.code().equals(code) && dateOfService.equals(c.dateOfService())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + code + " on " + dateOfService + " in " + e.codes()));
    }

    static List<String> met(Readiness.Enrollment e) {
        return e.codes().stream().filter(c -> c.status() == Readiness.Status.MET)
                .map(c -> c.units() > 1 ? c.code() + "x" + c.units() : c.code()).sorted().toList();
    }
}
