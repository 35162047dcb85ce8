package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Every editable field of a clinician, for create ({@code POST}) and replace ({@code PUT}); an
 * optional field left out of a PUT is cleared. The active flag changes only through
 * {@code /deactivate} and {@code /reactivate}; id, organization, version and timestamps are the
 * server's.
 */
@Schema(name = "ClinicianRequest")
record ClinicianRequest(
        @Schema(example = "Dana") @NotBlank @Size(max = 100) String firstName,
        @Schema(example = "Okafor") @NotBlank @Size(max = 100) String lastName,
        @Schema(example = "dana.okafor@clinic.example", description = "Work email, unique in the organization (compared without case)")
        @NotBlank @Email @Size(max = 254) String email,
        @Schema(example = "+1 555 0100") @Size(max = 40)
        @Pattern(regexp = "^[0-9+() .\\-xX]{3,40}$", message = "must be a phone number (digits, spaces, + ( ) - . x)") String phone,
        @Schema(example = "Cardiology") @Size(max = 200) String specialization,
        @Schema(example = "MD-123456") @Size(max = 64) String licenseNumber,
        @Schema(example = "1234567893", description = "10-digit NPI with a valid check digit; unique in the organization")
        @Npi String npiNumber,
        @Schema(example = "MD", description = "Comma-separated, from: MD, DO, NP, APRN, PA, PA-C, CNS, CNM, PT, DPT, OT, OTR, "
                + "SLP, RN, LPN, LVN, MA, CMA, PTA, OTA, PharmD, RD, LCSW, CHW")
        @Size(max = Credentials.MAX_LENGTH) @KnownCredentials String credentials,
        @Schema(example = "Internal Medicine") @Size(max = 200) String department,
        @Schema(description = "The user who works as this clinician: an active member of this organization, linked to "
                + "at most one clinician. Never derived from the email.")
        @Size(max = 64) String userId) {
}
