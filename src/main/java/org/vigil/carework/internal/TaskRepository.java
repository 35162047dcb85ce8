package org.vigil.carework.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Task}; row-level security scopes every query to the current organization. */
public interface TaskRepository extends JpaRepository<Task, String> {
}
