package org.vigil.patients.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Comma-separated credentials from the {@link Credentials} vocabulary; null or blank passes. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownCredentials.Validator.class)
@interface KnownCredentials {

    String message() default "must be a comma-separated list of MD, DO, NP, APRN, PA, PA-C, CNS, CNM, PT, DPT, OT, "
            + "OTR, SLP, RN, LPN, LVN, MA, CMA, PTA, OTA, PharmD, RD, LCSW, CHW";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownCredentials, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Credentials.canonical(value).isPresent();
        }
    }
}
