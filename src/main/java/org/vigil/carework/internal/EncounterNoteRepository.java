package org.vigil.carework.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link EncounterNote}; row-level security scopes every query to the current organization. */
public interface EncounterNoteRepository extends JpaRepository<EncounterNote, String> {

    Page<EncounterNote> findByPatientId(String patientId, Pageable pageable);
}
