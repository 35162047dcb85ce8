package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.vigil.patients.BillingCapacity;

/** A clinician as the API shows it, with the billing capacity its credentials give. */
@Schema(name = "Clinician")
record ClinicianView(String id, String firstName, String lastName, String email, String phone,
        String specialization, String licenseNumber, String npiNumber,
        @Schema(example = "MD") String credentials,
        @Schema(description = "Derived from credentials; null when no credential is given") BillingCapacity billingCapacity,
        @Schema(description = "May bill the physician/QHP personal-time codes (99091, 99491, 99437, 99424, 99425)")
        boolean physicianOrQhp,
        @Schema(description = "May bill RTM (98975–98986) in their own name (physicians, QHPs, PT/OT/SLP)")
        boolean billsRtmDirectly,
        String department, boolean isActive, String userId, long version, Instant createdAt, Instant updatedAt) {

    static ClinicianView of(Clinician c) {
        BillingCapacity capacity = Credentials.capacity(c.getCredentials()).orElse(null);
        return new ClinicianView(c.getId(), c.getFirstName(), c.getLastName(), c.getEmail(), c.getPhone(),
                c.getSpecialization(), c.getLicenseNumber(), c.getNpiNumber(), c.getCredentials(), capacity,
                capacity != null && capacity.physicianOrQhp(), capacity != null && capacity.billsRtmDirectly(),
                c.getDepartment(), c.isActive(), c.getUserId(), c.getVersion(), c.getCreatedAt(), c.getUpdatedAt());
    }
}
