package org.vigil.monitoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link DeviceAssignment}; row-level security scopes every query to the current organization. */
public interface DeviceAssignmentRepository extends JpaRepository<DeviceAssignment, String> {
}
