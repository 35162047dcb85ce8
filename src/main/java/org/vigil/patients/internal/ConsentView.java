package org.vigil.patients.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.vigil.patients.CareProgramType;
import org.vigil.patients.ConsentMethod;
import org.vigil.patients.ConsentType;

/** A patient's consent as the API returns it; {@code active} while not revoked. */
record ConsentView(String id, String patientId, ConsentType type, CareProgramType programType, LocalDate consentedOn,
        ConsentMethod method, boolean costSharingAcknowledged, String recordedByUserId, LocalDate revokedOn,
        boolean active, Instant createdAt) {

    static ConsentView of(PatientConsent consent) {
        return new ConsentView(consent.getId(), consent.getPatientId(), consent.getType(), consent.getProgramType(),
                consent.getConsentedOn(), consent.getMethod(), consent.isCostSharingAcknowledged(),
                consent.getRecordedByUserId(), consent.getRevokedOn(), consent.getRevokedOn() == null,
                consent.getCreatedAt());
    }
}
