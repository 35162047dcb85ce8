package org.vigil.carework.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.vigil.carework.ViewType;

/** Repository of {@link SavedView}; row-level security scopes every query to the current organization. */
public interface SavedViewRepository extends JpaRepository<SavedView, String> {

    /** The user's own views and the organization's shared ones. */
    @Query("select v from SavedView v where v.userId = :userId or v.isShared = true")
    Page<SavedView> findVisible(String userId, Pageable pageable);

    @Query("select v from SavedView v where (v.userId = :userId or v.isShared = true) and v.viewType = :viewType")
    Page<SavedView> findVisible(String userId, ViewType viewType, Pageable pageable);
}
