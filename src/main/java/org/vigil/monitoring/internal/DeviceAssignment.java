package org.vigil.monitoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code device_assignments}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "device_assignments")
public class DeviceAssignment extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "device_id", nullable = false)
    private String deviceId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "enrollment_id")
    private String enrollmentId;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    @Column(name = "unassigned_at")
    private Instant unassignedAt;

    protected DeviceAssignment() {
    }

    public DeviceAssignment(String organizationId, String deviceId, String patientId, Instant assignedAt) {
        this.organizationId = organizationId;
        this.deviceId = deviceId;
        this.patientId = patientId;
        this.assignedAt = assignedAt;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getEnrollmentId() {
        return enrollmentId;
    }

    public void setEnrollmentId(String enrollmentId) {
        this.enrollmentId = enrollmentId;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public void setAssignedAt(Instant assignedAt) {
        this.assignedAt = assignedAt;
    }

    public Instant getUnassignedAt() {
        return unassignedAt;
    }

    public void setUnassignedAt(Instant unassignedAt) {
        this.unassignedAt = unassignedAt;
    }

}
