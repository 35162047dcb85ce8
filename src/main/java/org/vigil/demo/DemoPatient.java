package org.vigil.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's patients: invented people, each with one chronic condition and the program that fits it. */
record DemoPatient(String firstName, String lastName, String dateOfBirth, String gender, String icd10,
        String condition, String preset, String program) {

    static final List<DemoPatient> ROSTER = List.of(
            new DemoPatient("Ada", "Lovelace", "1948-12-10", "FEMALE", "I10", "Essential (primary) hypertension",
                    "Hypertension", "REMOTE_PATIENT_MONITORING"),
            new DemoPatient("Alan", "Turing", "1952-06-23", "MALE", "E11.9", "Type 2 diabetes mellitus without complications",
                    "Type 2 diabetes", "REMOTE_PATIENT_MONITORING"),
            new DemoPatient("Edith", "Clarke", "1943-02-10", "FEMALE", "I50.22", "Chronic systolic (congestive) heart failure",
                    "Heart failure", "REMOTE_PATIENT_MONITORING"),
            new DemoPatient("Claude", "Shannon", "1946-04-30", "MALE", "J44.9", "Chronic obstructive pulmonary disease, unspecified",
                    "COPD", "REMOTE_PATIENT_MONITORING"),
            new DemoPatient("Hedy", "Lamarr", "1954-11-09", "FEMALE", "F33.9", "Major depressive disorder, recurrent, unspecified",
                    "Depression", "BEHAVIORAL_HEALTH_INTEGRATION"),
            new DemoPatient("John", "Backus", "1950-12-03", "MALE", "F41.1", "Generalized anxiety disorder",
                    "Generalized anxiety disorder", "BEHAVIORAL_HEALTH_INTEGRATION"),
            new DemoPatient("Frances", "Allen", "1947-08-04", "FEMALE", "M17.11", "Unilateral primary osteoarthritis, right knee",
                    "Knee osteoarthritis", "CHRONIC_CARE_MANAGEMENT"),
            new DemoPatient("Dennis", "Ritchie", "1951-09-09", "MALE", "M54.50", "Low back pain, unspecified",
                    "Chronic low back pain", "CHRONIC_CARE_MANAGEMENT"),
            new DemoPatient("Barbara", "Liskov", "1949-11-07", "FEMALE", "I10", "Essential (primary) hypertension",
                    "Hypertension", "REMOTE_PATIENT_MONITORING"),
            new DemoPatient("Ken", "Thompson", "1953-02-04", "MALE", "E11.65", "Type 2 diabetes mellitus with hyperglycemia",
                    "Type 2 diabetes", "REMOTE_PATIENT_MONITORING"),
            new DemoPatient("Radia", "Perlman", "1951-12-18", "FEMALE", "I50.32", "Chronic diastolic (congestive) heart failure",
                    "Heart failure", "CHRONIC_CARE_MANAGEMENT"),
            new DemoPatient("Donald", "Knuth", "1948-01-10", "MALE", "I10", "Essential (primary) hypertension",
                    "Hypertension", "REMOTE_PATIENT_MONITORING"));

    /** The patient as the create request takes it; MRNs are the demo's own numbering. */
    Map<String, Object> request(int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("medicalRecordNumber", String.format("DEMO-%04d", index + 1));
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("dateOfBirth", dateOfBirth);
        body.put("gender", gender);
        body.put("phone", String.format("+1 555 01%02d", index));
        body.put("insuranceInfo", Map.of("type", "MEDICARE_PART_B", "payerName", "Medicare",
                "qualifiedMedicareBeneficiary", false));
        return body;
    }
}
