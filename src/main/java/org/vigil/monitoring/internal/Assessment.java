package org.vigil.monitoring.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.monitoring.ObservationSource;
import org.vigil.shared.persistence.BaseEntity;

/** Row of table {@code assessments}; the schema is in the Flyway migrations (db/migration). */
@Entity
@Table(name = "assessments")
public class Assessment extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "enrollment_id")
    private String enrollmentId;

    @Column(name = "template_id", nullable = false)
    private String templateId;

    @Column(name = "clinician_id")
    private String clinicianId;

    @Column(name = "submitted_by_id")
    private String submittedById;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private ObservationSource source = ObservationSource.MANUAL;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "responses", nullable = false)
    private String responses;

    @Column(name = "score")
    private BigDecimal score;

    @Column(name = "score_band")
    private String scoreBand;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "score_details")
    private String scoreDetails;

    @Column(name = "completed_at", nullable = false)
    private Instant completedAt = Instant.now();

    @Column(name = "notes")
    private String notes;

    protected Assessment() {
    }

    public Assessment(String organizationId, String patientId, String templateId, String responses) {
        this.organizationId = organizationId;
        this.patientId = patientId;
        this.templateId = templateId;
        this.responses = responses;
    }

    public String getOrganizationId() {
        return organizationId;
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

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getClinicianId() {
        return clinicianId;
    }

    public void setClinicianId(String clinicianId) {
        this.clinicianId = clinicianId;
    }

    public String getSubmittedById() {
        return submittedById;
    }

    public void setSubmittedById(String submittedById) {
        this.submittedById = submittedById;
    }

    public ObservationSource getSource() {
        return source;
    }

    public void setSource(ObservationSource source) {
        this.source = source;
    }

    public String getResponses() {
        return responses;
    }

    public void setResponses(String responses) {
        this.responses = responses;
    }

    public BigDecimal getScore() {
        return score;
    }

    public void setScore(BigDecimal score) {
        this.score = score;
    }

    public String getScoreBand() {
        return scoreBand;
    }

    public void setScoreBand(String scoreBand) {
        this.scoreBand = scoreBand;
    }

    public String getScoreDetails() {
        return scoreDetails;
    }

    public void setScoreDetails(String scoreDetails) {
        this.scoreDetails = scoreDetails;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

}
