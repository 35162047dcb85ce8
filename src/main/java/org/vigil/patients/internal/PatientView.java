package org.vigil.patients.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.vigil.patients.Gender;

/** A patient as the API returns it (seed field names). */
record PatientView(String id, String medicalRecordNumber, String firstName, String lastName, LocalDate dateOfBirth,
        Gender gender, String email, String phone, String address, PatientRequest.EmergencyContact emergencyContact,
        PatientRequest.InsuranceInfo insuranceInfo, boolean isActive, Instant createdAt, Instant updatedAt) {
}
