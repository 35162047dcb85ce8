package org.vigil.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invented demo patient: who they are, their diagnoses (first = primary), their enrollments
 * (each a plan with the condition preset that drives it), how their last 60 days went, and how many
 * days after the demo's first day they were enrolled.
 */
record DemoPatient(int number, String firstName, String lastName, LocalDate dateOfBirth, String gender,
        String insurance, DemoCourse course, List<Diagnosis> diagnoses, List<Enrollment> enrollments,
        int enrolledAfterDays) {

    record Diagnosis(String icd10, String label) {
    }

    record Enrollment(DemoPlan plan, String preset) {
    }

    /** The preset of the patient's first enrollment: the condition the demo is about. */
    String preset() {
        return enrollments.get(0).preset();
    }

    String medicalRecordNumber() {
        return String.format("DEMO-%04d", number);
    }

    /** The patient as the create request takes it; MRNs and phone numbers are the demo's own (555-01xx). */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("medicalRecordNumber", medicalRecordNumber());
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("dateOfBirth", dateOfBirth.toString());
        body.put("gender", gender);
        body.put("phone", String.format("+1 555 01%02d", number % 100));
        body.put("email", (firstName + "." + lastName).toLowerCase().replaceAll("[^a-z.]", "") + "@example.invalid");
        body.put("insuranceInfo", "COMMERCIAL".equals(insurance)
                ? Map.of("type", "COMMERCIAL", "payerName", "Demo Health Plan")
                : Map.of("type", insurance, "payerName", "Medicare", "qualifiedMedicareBeneficiary", number % 7 == 0));
        return body;
    }
}
