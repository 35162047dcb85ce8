package org.vigil.patients.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.vigil.billing.ClinicianCapacities;

/** Tells billing the capacity of a clinician's credentials (see {@link Credentials}). */
@Component
class BillingCapacities implements ClinicianCapacities {

    @Override
    public Optional<String> capacityOf(String credentials) {
        return Credentials.capacity(credentials).map(Enum::name);
    }
}
