package org.vigil.carework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.vigil.shared.Ids;
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestClock;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Encounter notes: written by a clinician, revised with If-Match, locked for good by attestation. */
@VigilIntegrationTest
class EncounterNotesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;

    Api api;
    String clinic;
    String patient;
    String notes;
    Accounts.Account nurseAccount;
    Accounts.Account physicianAccount;
    String nurse;
    String nurseClinician;
    String physician;
    String otherNurse;

    @BeforeEach
    void aClinicWithANurseAndAPhysicianWhoWorkAsClinicians() {
        api = new Api(port);
        clinic = data.organization();
        patient = data.patient(clinic, null);
        notes = "/api/v1/patients/" + patient + "/encounter-notes";
        nurseAccount = accounts.member(clinic, "NURSE");
        nurseClinician = linkedClinician(nurseAccount, "RN");
        nurse = accounts.signIn(api, nurseAccount, clinic);
        physicianAccount = accounts.member(clinic, "PHYSICIAN");
        linkedClinician(physicianAccount, "MD");
        physician = accounts.signIn(api, physicianAccount, clinic);
        Accounts.Account second = accounts.member(clinic, "NURSE");
        linkedClinician(second, "LPN");
        otherNurse = accounts.signIn(api, second, clinic);
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private String linkedClinician(Accounts.Account account, String credentials) {
        String clinician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET user_id = ?, credentials = ? WHERE id = ?", account.userId(),
                credentials, clinician);
        return clinician;
    }

    private Map<String, Object> soap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encounterType", "RPM");
        body.put("subjective", "Reports morning headaches");
        body.put("objective", "Home BP 152/94 over 5 days");
        body.put("assessment", "Uncontrolled hypertension");
        body.put("plan", "Increase lisinopril; recheck in 1 week");
        body.put("vitalsSnapshot", Map.of("systolic", 152, "diastolic", 94));
        return body;
    }

    private Api.Response write() {
        Api.Response created = api.post(notes, Api.json(soap()), nurse);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    private Api.Response attest(String id, String token, String etag) {
        return api.post(notes + "/" + id + "/attest", "{}", token, etag);
    }

    @Test
    void aNoteIsWrittenByTheCallersClinicianAndRevisedWithIfMatch() {
        Api.Response created = write();
        JsonNode note = created.json();
        String id = note.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(notes + "/" + id);
        assertThat(note.get("clinicianId").asString()).as("a Clinician, not the user").isEqualTo(nurseClinician);
        assertThat(note.get("isLocked").asBoolean()).isFalse();
        assertThat(note.get("vitalsSnapshot").get("systolic").asInt()).isEqualTo(152);

        Map<String, Object> revised = soap();
        revised.put("plan", "Increase lisinopril to 20 mg; recheck in 1 week");
        revised.remove("vitalsSnapshot");
        assertThat(api.put(notes + "/" + id, Api.json(revised), physician, null).status()).isEqualTo(428);
        Api.Response updated = api.put(notes + "/" + id, Api.json(revised), physician, created.header("ETag"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("plan").asString()).contains("20 mg");
        assertThat(updated.json().get("vitalsSnapshot").isNull()).isTrue();
        assertThat(updated.json().get("clinicianId").asString()).as("the author stays").isEqualTo(nurseClinician);
        assertThat(api.put(notes + "/" + id, Api.json(revised), physician, created.header("ETag")).status())
                .as("stale").isEqualTo(412);

        Api.Response list = api.get(notes, nurse);
        assertThat(list.json().get("totalItems").asLong()).isOne();
        assertThat(api.get(notes + "/" + id, nurse).json().get("plan").asString()).contains("20 mg");
        assertThat(data.platformString("SELECT details ->> 'fields' FROM audit_logs WHERE resource_id = ? "
                + "AND action = 'UPDATE'", id)).isEqualTo("[\"plan\", \"vitalsSnapshot\"]");
    }

    @Test
    void sectionsAndVitalsAreBoundedAndTheAlertMustBeThePatients() {
        Map<String, Object> body = soap();
        body.put("subjective", "x".repeat(20_001));
        assertThat(field(api.post(notes, Api.json(body), nurse))).isEqualTo("subjective");
        body = soap();
        body.put("vitalsSnapshot", java.util.List.of(1, 2));
        assertThat(field(api.post(notes, Api.json(body), nurse))).isEqualTo("vitalsSnapshot");
        body.put("vitalsSnapshot", Map.of("raw", "y".repeat(17_000)));
        assertThat(field(api.post(notes, Api.json(body), nurse))).isEqualTo("vitalsSnapshot");
        body = soap();
        body.put("alertId", Ids.newId());
        assertThat(field(api.post(notes, Api.json(body), nurse))).isEqualTo("alertId");
        body = soap();
        body.put("encounterType", "HOME_VISIT");
        assertThat(api.post(notes, Api.json(body), nurse).status()).isEqualTo(400);
        assertThat(data.platformQuery("SELECT count(*) FROM encounter_notes WHERE patient_id = ?", patient)).isZero();
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aMemberWithoutAClinicianProfileCannotWriteNotes() {
        Accounts.Account coordinator = accounts.member(clinic, "CARE_COORDINATOR");
        Api.Response refused = api.post(notes, Api.json(soap()), accounts.signIn(api, coordinator, clinic));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("title").asString()).isEqualTo("No clinician profile");

        String billing = accounts.signIn(api, accounts.member(clinic, "BILLING_ADMIN"), clinic);
        String auditor = accounts.signIn(api, accounts.member(clinic, "AUDITOR"), clinic);
        String id = write().json().get("id").asString();
        assertThat(api.get(notes + "/" + id, billing).status()).as("billing reads the documentation").isEqualTo(200);
        assertThat(api.post(notes, Api.json(soap()), billing).status()).isEqualTo(403);
        assertThat(api.get(notes, auditor).status()).as("auditors see nothing clinical").isEqualTo(403);
    }

    @Test
    void attestationLocksTheNoteForGood() {
        Api.Response created = write();
        String id = created.json().get("id").asString();
        assertThat(attest(id, nurse, null).status()).as("If-Match required").isEqualTo(428);

        clock.advance(Duration.ofHours(3));
        Api.Response attested = attest(id, nurse, created.header("ETag"));
        assertThat(attested.status()).as(attested.body()).isEqualTo(200);
        JsonNode note = attested.json();
        assertThat(note.get("isLocked").asBoolean()).isTrue();
        assertThat(note.get("attestedById").asString()).isEqualTo(nurseAccount.userId());
        assertThat(Instant.parse(note.get("attestedAt").asString())).as("the application's clock")
                .isCloseTo(Instant.now().plus(Duration.ofHours(3)), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        Api.Response edit = api.put(notes + "/" + id, Api.json(soap()), nurse, attested.header("ETag"));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("title").asString()).isEqualTo("Note locked");
        assertThat(attest(id, physician, attested.header("ETag")).status()).as("attested once").isEqualTo(409);
        assertThat(api.get(notes + "/" + id, nurse).json().get("attestedById").asString())
                .isEqualTo(nurseAccount.userId());
    }

    @Test
    void theDatabaseRefusesAnyChangeOfALockedNote() {
        String open = write().json().get("id").asString();
        assertThat(data.platformUpdate("UPDATE encounter_notes SET plan = 'changed by SQL' WHERE id = ?", open))
                .as("an open note can change").isOne();

        Api.Response created = write();
        String id = created.json().get("id").asString();
        assertThat(attest(id, nurse, created.header("ETag")).status()).isEqualTo(200);
        assertThatThrownBy(() -> data.platformUpdate("UPDATE encounter_notes SET plan = 'changed by SQL' WHERE id = ?",
                id)).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("locked");
        assertThatThrownBy(() -> data.platformUpdate("UPDATE encounter_notes SET is_locked = false WHERE id = ?", id))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> data.platformUpdate("DELETE FROM encounter_notes WHERE id = ?", id))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> data.platformUpdate("UPDATE encounter_notes SET is_locked = true WHERE id = ?", open))
                .as("locking needs an attestation").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(data.platformString("SELECT plan FROM encounter_notes WHERE id = ?", id))
                .isEqualTo("Increase lisinopril; recheck in 1 week");
    }

    @Test
    void theAuthorOrAPhysicianOrQhpMayAttestNoOneElse() {
        Api.Response byNurse = write();
        String id = byNurse.json().get("id").asString();
        Api.Response refused = attest(id, otherNurse, byNurse.header("ETag"));
        assertThat(refused.status()).as("another nurse, neither author nor physician/QHP").isEqualTo(403);
        assertThat(api.get(notes + "/" + id, nurse).json().get("isLocked").asBoolean()).isFalse();

        Api.Response signed = attest(id, physician, byNurse.header("ETag"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("attestedById").asString()).isEqualTo(physicianAccount.userId());

        Accounts.Account practitioner = accounts.member(clinic, "CLINICIAN");
        linkedClinician(practitioner, "NP, RN");
        String np = accounts.signIn(api, practitioner, clinic);
        Api.Response second = write();
        assertThat(attest(second.json().get("id").asString(), np, second.header("ETag")).status())
                .as("a nurse practitioner is a QHP").isEqualTo(200);

        Api.Response empty = api.post(notes, Api.json(Map.of("encounterType", "GENERAL")), nurse);
        assertThat(attest(empty.json().get("id").asString(), nurse, empty.header("ETag")).status())
                .as("nothing to attest").isEqualTo(409);
    }

    @Test
    void anotherOrganizationsNotesAreNotFound() {
        Api.Response created = write();
        String id = created.json().get("id").asString();
        String elsewhere = data.organization();
        Accounts.Account outsiderAccount = accounts.member(elsewhere, "PHYSICIAN");
        String clinician = data.clinician(elsewhere);
        data.platformUpdate("UPDATE clinicians SET user_id = ?, credentials = 'MD' WHERE id = ?",
                outsiderAccount.userId(), clinician);
        String outsider = accounts.signIn(api, outsiderAccount, elsewhere);

        assertThat(api.get(notes, outsider).status()).isEqualTo(404);
        assertThat(api.get(notes + "/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.post(notes, Api.json(soap()), outsider).status()).isEqualTo(404);
        assertThat(api.put(notes + "/" + id, Api.json(soap()), outsider, created.header("ETag")).status())
                .isEqualTo(404);
        assertThat(attest(id, outsider, created.header("ETag")).status()).isEqualTo(404);
        String otherPatient = data.patient(clinic, null);
        assertThat(api.get("/api/v1/patients/" + otherPatient + "/encounter-notes/" + id, nurse).status())
                .as("a note is read under its own patient").isEqualTo(404);
        assertThat(api.get(notes + "/" + id, nurse).json().get("isLocked").asBoolean()).isFalse();
    }
}
