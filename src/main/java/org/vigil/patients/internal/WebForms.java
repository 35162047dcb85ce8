package org.vigil.patients.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.ErrorResponseException;
import org.vigil.shared.web.ApiProblem;

/**
 * What the web forms of this module share: the request records' own bean validation, and a
 * service's refusal (an {@link ApiProblem} or another {@link ErrorResponseException} naming fields)
 * turned into messages next to the fields, so a page answers exactly what the API would.
 */
final class WebForms {

    private WebForms() {
    }

    /** The bean-validation messages of a request record, by field path (first message per field). */
    static Map<String, String> violations(Validator validator, Object request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
    }

    /** The fields a refusal names, with their messages; empty when it names none. */
    static Map<String, String> fieldErrors(ErrorResponseException refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> properties = refusal.getBody().getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof ApiProblem.FieldError field) {
                    errors.putIfAbsent(field.field(), field.message());
                }
            }
        }
        return errors;
    }

    /** The refusal's readable sentence (the services write it for people and never quote stored values). */
    static String detail(ErrorResponseException refusal) {
        String detail = refusal.getBody().getDetail();
        return detail == null || detail.isBlank() ? "The request was refused." : detail;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
