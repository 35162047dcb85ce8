package org.vigil.carework;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.vigil.support.Accounts;
import org.vigil.support.Api;
import org.vigil.support.TestClock;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Time is logged once, for the clinician who spent it, against one enrollment. */
@VigilIntegrationTest
class TimeTrackingApiTest {

    static final String TIMER = "/api/v1/time-tracking/timer";
    static final String LOGS = "/api/v1/time-logs";

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
    String nurse;
    String clinician;
    String patient;
    String enrollment;

    @BeforeEach
    void aNurseWhoWorksAsAClinicianAndAnEnrolledPatient() {
        api = new Api(port);
        clinic = data.organization();
        Accounts.Account account = accounts.member(clinic, "NURSE");
        clinician = data.clinician(clinic);
        data.platformUpdate("UPDATE clinicians SET user_id = ? WHERE id = ?", account.userId(), clinician);
        nurse = accounts.signIn(api, account, clinic);
        patient = data.patient(clinic, null);
        enrollment = data.enrollment(clinic, patient, clinician, data.careProgram(clinic));
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private Map<String, Object> manual(Instant startedAt, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient);
        body.put("activity", "CALL_PATIENT");
        body.put("startedAt", startedAt.toString());
        body.put("durationMinutes", minutes);
        body.put("interactiveCommunication", true);
        return body;
    }

    @Test
    void aTimerBecomesOneLogOfWholeMinutesForTheClinicianAndTheOnlyActiveEnrollment() {
        Api.Response started = api.post(TIMER, Api.json(Map.of("patientId", patient, "activity", "REVIEW_DATA")), nurse);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("enrollmentId").asString()).isEqualTo(enrollment);
        assertThat(api.post(TIMER, Api.json(Map.of("patientId", patient, "activity", "REVIEW_DATA")), nurse).status())
                .as("one running timer per user").isEqualTo(409);

        clock.advance(Duration.ofMinutes(21).plusSeconds(30));
        assertThat(api.get(TIMER, nurse).json().get("elapsedSeconds").asLong()).isBetween(1290L, 1300L);
        Api.Response stopped = api.post(TIMER + "/stop", "{\"interactiveCommunication\":false}", nurse);
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(201);
        JsonNode log = stopped.json();
        assertThat(log.get("duration").asInt()).as("rounded down").isEqualTo(21);
        assertThat(log.get("clinicianId").asString()).as("a Clinician, not the user").isEqualTo(clinician);
        assertThat(log.get("enrollmentId").asString()).isEqualTo(enrollment);
        assertThat(log.get("source").asString()).isEqualTo("TIMER");
        assertThat(api.get(TIMER, nurse).status()).isEqualTo(204);
        assertThat(api.post(TIMER + "/stop", "{\"interactiveCommunication\":false}", nurse).status()).isEqualTo(409);
    }

    @Test
    void aCancelledTimerLogsNothingAndAShortOneCannotBeStopped() {
        api.post(TIMER, Api.json(Map.of("patientId", patient, "activity", "REVIEW_DATA")), nurse);
        clock.advance(Duration.ofSeconds(40));
        assertThat(api.post(TIMER + "/stop", "{\"interactiveCommunication\":false}", nurse).status()).isEqualTo(409);
        assertThat(api.delete(TIMER, nurse).status()).isEqualTo(204);
        assertThat(api.delete(TIMER, nurse).status()).isEqualTo(409);
        assertThat(api.get(LOGS + "?patientId=" + patient, nurse).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void theSameMinutesCannotBeLoggedTwice() {
        Instant ten = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        assertThat(api.post(LOGS, Api.json(manual(ten, 20)), nurse).status()).isEqualTo(201);

        Api.Response overlapping = api.post(LOGS, Api.json(manual(ten.plus(Duration.ofMinutes(10)), 20)), nurse);
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.json().get("errors").get(0).get("field").asString()).isEqualTo("startedAt");
        assertThat(api.post(LOGS, Api.json(manual(ten.plus(Duration.ofMinutes(20)), 10)), nurse).status())
                .as("touching is not overlapping").isEqualTo(201);

        api.post(TIMER, Api.json(Map.of("patientId", patient, "activity", "REVIEW_DATA")), nurse);
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.post(TIMER + "/stop", "{\"interactiveCommunication\":false}", nurse).status()).isEqualTo(201);
        assertThat(api.get(LOGS + "?patientId=" + patient, nurse).json().get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void theEnrollmentMustBeNamedWhenThePatientHasSeveral() {
        String second = data.enrollment(clinic, patient, clinician, data.careProgram(clinic));
        Instant start = Instant.now().minus(Duration.ofHours(5));
        Api.Response ambiguous = api.post(LOGS, Api.json(manual(start, 15)), nurse);
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("errors").get(0).get("field").asString()).isEqualTo("enrollmentId");

        Map<String, Object> named = manual(start, 15);
        named.put("enrollmentId", second);
        Api.Response logged = api.post(LOGS, Api.json(named), nurse);
        assertThat(logged.status()).isEqualTo(201);
        assertThat(logged.json().get("enrollmentId").asString()).isEqualTo(second);

        Map<String, Object> foreign = manual(start.plus(Duration.ofMinutes(30)), 5);
        foreign.put("enrollmentId", data.enrollment(clinic, data.patient(clinic, null), clinician, data.careProgram(clinic)));
        assertThat(api.post(LOGS, Api.json(foreign), nurse).json().get("errors").get(0).get("field").asString())
                .isEqualTo("enrollmentId");
    }

    @Test
    void adjustmentsNeedTheCurrentVersionAndAReasonAndFutureTimeIsRefused() {
        Instant start = Instant.now().minus(Duration.ofHours(8));
        String id = api.post(LOGS, Api.json(manual(start, 12)), nurse).json().get("id").asString();
        Api.Response read = api.get(LOGS + "/" + id, nurse);

        Map<String, Object> adjustment = new LinkedHashMap<>(manual(start, 18));
        adjustment.remove("patientId");
        adjustment.put("billable", true);
        Api.Response noReason = api.put(LOGS + "/" + id, Api.json(adjustment), nurse, read.header("ETag"));
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        adjustment.put("reason", "Call continued after the timer was stopped");
        Api.Response adjusted = api.put(LOGS + "/" + id, Api.json(adjustment), nurse, read.header("ETag"));
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().get("duration").asInt()).isEqualTo(18);
        assertThat(adjusted.json().get("adjustmentReason").asString()).startsWith("Call continued");
        assertThat(api.put(LOGS + "/" + id, Api.json(adjustment), nurse, read.header("ETag")).status()).isEqualTo(412);

        Api.Response future = api.post(LOGS, Api.json(manual(Instant.now().plus(Duration.ofHours(1)), 10)), nurse);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("startedAt");
    }

    @Test
    void aUserWithoutAClinicianProfileCannotLogTimeAndOthersSeeNothing() {
        String physician = accounts.signIn(api, accounts.member(clinic, "PHYSICIAN"), clinic);
        Api.Response refused = api.post(LOGS, Api.json(manual(Instant.now().minus(Duration.ofHours(2)), 10)), physician);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("clinician profile");

        String id = api.post(LOGS, Api.json(manual(Instant.now().minus(Duration.ofHours(2)), 10)), nurse).json()
                .get("id").asString();
        String otherClinic = data.organization();
        String outsider = accounts.signIn(api, accounts.member(otherClinic, "NURSE"), otherClinic);
        assertThat(api.get(LOGS + "/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.delete(LOGS + "/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.get(LOGS + "?patientId=" + patient, outsider).json().get("totalItems").asLong()).isZero();
        Map<String, Object> theirPatient = manual(Instant.now().minus(Duration.ofHours(1)), 5);
        assertThat(api.post(TIMER, Api.json(Map.of("patientId", patient, "activity", "REVIEW_DATA")), outsider)
                .status()).isIn(404, 409);
        assertThat(api.post(LOGS, Api.json(theirPatient), outsider).status()).isIn(404, 409);
    }
}
