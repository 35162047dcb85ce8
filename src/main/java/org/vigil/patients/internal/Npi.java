package org.vigil.patients.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A National Provider Identifier: ten digits with a valid check digit ({@link NpiCheckDigit}); null passes. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Npi.Validator.class)
@interface Npi {

    String message() default "must be a 10-digit NPI whose last digit is the check digit (Luhn over 80840 and the first nine digits)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Npi, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || NpiCheckDigit.isValid(value);
        }
    }
}
