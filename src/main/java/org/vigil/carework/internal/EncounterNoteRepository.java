package org.vigil.carework.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link EncounterNote}; row-level security scopes every query to the current organization. */
public interface EncounterNoteRepository extends JpaRepository<EncounterNote, String> {
}
