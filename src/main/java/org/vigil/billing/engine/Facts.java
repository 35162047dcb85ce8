package org.vigil.billing.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The engine's input: what is known about one patient, with every date already a local date in the
 * organization's time zone (the day boundary of verified §C rule 5; the source converts).
 */
public final class Facts {

    private Facts() {
    }

    /** In what capacity a minute of time counts (from the clinician's credentials). */
    public enum Performer {
        PHYSICIAN, NON_PHYSICIAN_PRACTITIONER, THERAPIST, CLINICAL_STAFF,
        /** No recognised credential: the minutes count toward no code. */
        UNKNOWN;

        public boolean physicianOrQhp() {
            return this == PHYSICIAN || this == NON_PHYSICIAN_PRACTITIONER;
        }
    }

    /** How the patient or caregiver was reached during a time entry. */
    public enum Contact {
        NONE,
        /** Real-time two-way audio, optionally with video: the interactive communication (verified row 6). */
        LIVE_AUDIO_VIDEO,
        /** Two-way real-time secure messaging: counts only where the organization's policy allows it. */
        SECURE_MESSAGE
    }

    public record Patient(String patientId, Insurance insurance, List<Diagnosis> diagnoses, List<Consent> consents,
            List<Enrollment> enrollments) {
        public Patient {
            diagnoses = List.copyOf(diagnoses);
            consents = List.copyOf(consents);
            enrollments = List.copyOf(enrollments);
        }
    }

    /**
     * {@code type}: the patient's insurance type (MEDICARE_PART_B…), or null when unknown;
     * {@code qualifiedMedicareBeneficiary}: QMB status, which decides APCM G0558 (verified §C rule 21).
     */
    public record Insurance(String type, boolean qualifiedMedicareBeneficiary) {
        public static Insurance unknown() {
            return new Insurance(null, false);
        }
    }

    /** An ICD-10-CM diagnosis and the dates it was current (either may be unknown). */
    public record Diagnosis(String icd10, boolean primary, LocalDate onset, LocalDate resolved) {
        /** Current at some point of [from, to]. */
        public boolean currentDuring(LocalDate from, LocalDate to) {
            return (onset == null || !onset.isAfter(to)) && (resolved == null || !resolved.isBefore(from));
        }
    }

    /** A consent: type TREATMENT/BILLING/PROGRAM, program type for PROGRAM consents. */
    public record Consent(String type, String programType, LocalDate consentedOn, LocalDate revokedOn,
            boolean costSharingAcknowledged) {
        public boolean inEffectOn(LocalDate day) {
            return !consentedOn.isAfter(day) && (revokedOn == null || revokedOn.isAfter(day));
        }
    }

    /** The practitioner who bills an enrollment (its assigned clinician) and their NPI. */
    public record Clinician(String clinicianId, Performer performer, String npi) {
    }

    /**
     * One enrollment (one episode of care): its billing program, dates, billing practitioner, staff
     * attestations, qualifying data days and billable minutes attributed to it.
     *
     * @param eligibilityAttested the enrollment's billingEligibility.eligible (staff verified the
     *                            CUSTOM requirements such as a care plan)
     * @param attestations        documented facts a code needs that Vigil does not record itself
     *                            (e.g. MODERATE_OR_HIGH_MDM for 99487); empty when none
     * @param lastVisit           the last initiating visit (E/M, AWV, IPPE) on record, or null
     */
    public record Enrollment(String enrollmentId, String billingProgramId, String status, LocalDate start,
            LocalDate end, Clinician billingClinician, boolean eligibilityAttested, Set<String> attestations,
            List<DataDay> dataDays, List<TimeEntry> time, LocalDate lastVisit) {
        public Enrollment {
            attestations = Set.copyOf(attestations);
            dataDays = List.copyOf(dataDays);
            time = List.copyOf(time);
        }
    }

    /**
     * Readings on one local date attributed to the enrollment: automatically transmitted device
     * readings, and self-reported ones (typed by the patient or sent through an app or API).
     * Imported history counts toward neither. The engine asks only whether each is positive (a day
     * with data), so a source may give 1 for "some": the database source reads day masks, not counts.
     */
    public record DataDay(LocalDate date, int deviceReadings, int selfReportedReadings) {
    }

    /** Billable minutes of one time log, on the local date they were spent. */
    public record TimeEntry(String clinicianId, Performer performer, LocalDate date, int minutes, Contact contact) {
    }
}
