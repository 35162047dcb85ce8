package org.vigil.carework.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link SavedView}; row-level security scopes every query to the current organization. */
public interface SavedViewRepository extends JpaRepository<SavedView, String> {
}
