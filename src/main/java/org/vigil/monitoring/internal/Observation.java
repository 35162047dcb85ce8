package org.vigil.monitoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.monitoring.ObservationContext;
import org.vigil.monitoring.ObservationSource;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code observations}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "observations")
public class Observation extends BaseEntity {

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "enrollment_id")
    private String enrollmentId;

    @Column(name = "metric_id", nullable = false)
    private String metricId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "value", nullable = false)
    private String value;

    @Column(name = "unit")
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private ObservationSource source = ObservationSource.MANUAL;

    @Column(name = "source_identifier")
    private String sourceIdentifier;

    @Enumerated(EnumType.STRING)
    @Column(name = "context")
    private ObservationContext context;

    @Column(name = "notes")
    private String notes;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt = Instant.now();

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "assessment_id")
    private String assessmentId;

    protected Observation() {
    }

    public Observation(String patientId, String metricId, String value, String organizationId) {
        this.patientId = patientId;
        this.metricId = metricId;
        this.value = value;
        this.organizationId = organizationId;
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

    public String getMetricId() {
        return metricId;
    }

    public void setMetricId(String metricId) {
        this.metricId = metricId;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public ObservationSource getSource() {
        return source;
    }

    public void setSource(ObservationSource source) {
        this.source = source;
    }

    public String getSourceIdentifier() {
        return sourceIdentifier;
    }

    public void setSourceIdentifier(String sourceIdentifier) {
        this.sourceIdentifier = sourceIdentifier;
    }

    public ObservationContext getContext() {
        return context;
    }

    public void setContext(ObservationContext context) {
        this.context = context;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(Instant recordedAt) {
        this.recordedAt = recordedAt;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getAssessmentId() {
        return assessmentId;
    }

    public void setAssessmentId(String assessmentId) {
        this.assessmentId = assessmentId;
    }

}
