package org.vigil.patients.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.vigil.patients.EnrollmentStatus;

/** Repository of {@link Enrollment}; row-level security scopes every query to the current organization. */
public interface EnrollmentRepository extends JpaRepository<Enrollment, String>, JpaSpecificationExecutor<Enrollment> {

    long countByClinicianId(String clinicianId);

    long countByClinicianIdAndStatusIn(String clinicianId, Collection<EnrollmentStatus> statuses);

    long countByCareProgramId(String careProgramId);

    boolean existsByPatientIdAndCareProgramIdAndStatusAndIdNot(String patientId, String careProgramId,
            EnrollmentStatus status, String id);

    List<Enrollment> findByPatientIdAndStatusAndBillingProgramIdNotNull(String patientId, EnrollmentStatus status);
}
