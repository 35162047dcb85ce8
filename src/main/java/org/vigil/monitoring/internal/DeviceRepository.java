package org.vigil.monitoring.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repository of {@link Device}; row-level security scopes every query to the current organization. */
public interface DeviceRepository extends JpaRepository<Device, String> {
}
