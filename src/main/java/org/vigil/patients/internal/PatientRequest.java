package org.vigil.patients.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.vigil.patients.Gender;
import org.vigil.patients.InsuranceType;

/**
 * The editable fields of a patient, for create and for replace (PUT: an absent optional field is
 * cleared). Server-owned fields (id, organization, active flag, version, timestamps) are not here,
 * so no request can set them.
 */
record PatientRequest(
        @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
                message = "may hold letters, digits and . _ / - only") String medicalRecordNumber,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull @PastOrPresent LocalDate dateOfBirth,
        Gender gender,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = Phone.PATTERN, message = Phone.MESSAGE) String phone,
        @Size(max = 500) String address,
        @Valid EmergencyContact emergencyContact,
        @Valid InsuranceInfo insuranceInfo) {

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** {@code emergencyContact}: who to call, and how. */
    record EmergencyContact(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String relationship,
            @NotBlank @Pattern(regexp = Phone.PATTERN, message = Phone.MESSAGE) String phone,
            @Email @Size(max = 254) String email) {
    }

    /**
     * {@code insuranceInfo}: the payer category billing reads ({@code type}), the payer and member
     * ids, the Medicare Beneficiary Identifier and Qualified Medicare Beneficiary status (QMB
     * decides APCM G0558, billing-rules-verified.md row 10).
     */
    record InsuranceInfo(
            @NotNull InsuranceType type,
            @Size(max = 200) String payerName,
            @Size(max = 64) String memberId,
            @Size(max = 64) String groupNumber,
            // CMS MBI format: 11 characters, C A AN N A AN N A A N N; letters exclude S L O I B Z.
            @Pattern(regexp = "^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
                    + "[AC-HJKMNP-RT-Y]{2}[0-9]{2}$", message = "must be an 11-character Medicare Beneficiary Identifier")
            String medicareBeneficiaryIdentifier,
            Boolean qualifiedMedicareBeneficiary) {
    }

    static final class Phone {
        static final String PATTERN = "^\\+?[0-9 ().-]{7,25}$";
        static final String MESSAGE = "must be a phone number (digits, spaces, + ( ) . -; 7 to 25 characters)";

        private Phone() {
        }
    }
}
