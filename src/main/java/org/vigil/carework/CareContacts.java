package org.vigil.carework;

import java.time.Instant;
import java.util.Optional;

/** Read API of care work for other modules. Call inside the organization's tenant scope. */
public interface CareContacts {

    /** A logged live (audio/video) contact with the patient. */
    record Contact(String timeLogId, Instant at, String clinicianId, String enrollmentId, String activity,
            int minutes) {
    }

    /** The patient's latest time log with {@code interactiveCommunication}, if any. */
    Optional<Contact> lastInteractiveContact(String patientId);
}
