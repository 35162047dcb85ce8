package org.vigil.library.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A formulary entry: name, generic and brand names, form, strength, class, NDC and RxNorm codes. */
record DrugRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String genericName,
        @Size(max = 200) String brandName,
        @Size(max = 100) String dosageForm,
        @Size(max = 100) String strength,
        @Size(max = 200) String manufacturer,
        @Pattern(regexp = "^[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}$", message = "must be an NDC such as 0071-0222-23")
        String ndcNumber,
        @Pattern(regexp = "^[0-9]{1,8}$", message = "must be an RxNorm concept id (RxCUI, digits)") String rxnormCode,
        @Size(max = 100) String drugClass,
        Boolean isActive) {
}
