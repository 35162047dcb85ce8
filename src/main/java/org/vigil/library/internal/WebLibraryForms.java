package org.vigil.library.internal;

import jakarta.validation.ConstraintViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vigil.shared.web.ApiProblem;

/** What the library's edit pages share: turning a refused change or bean violations into field errors, parsing form numbers. */
final class WebLibraryForms {

    static final java.util.regex.Pattern ITEM_ROW = java.util.regex.Pattern.compile("items\\[(\\d+)]");
    static final String STALE = "Someone else changed this item since you opened it, so your change was not saved. "
            + "Reload it to see theirs, then make yours again.";

    private WebLibraryForms() {
    }

    /** Runs a change: null when done; the stale message, or the field errors put in {@code errors}. */
    static String attempt(Supplier<?> change, Map<String, String> errors) {
        try {
            change.get();
            return null;
        } catch (ApiProblem problem) {
            int status = problem.getStatusCode().value();
            if (status == 412) {
                return STALE;
            }
            if (status == 404) {
                throw problem;
            }
            boolean named = false;
            if (problem.getBody().getProperties() != null
                    && problem.getBody().getProperties().get("errors") instanceof List<?> list) {
                for (Object error : list) {
                    if (error instanceof ApiProblem.FieldError field) {
                        String key = field.field().startsWith("conditions") ? "conditions" : root(field.field());
                        String where = field.field().startsWith("conditions") && field.field().length() > "conditions".length()
                                ? "at " + field.field().substring("conditions".length()) + ": " : "";
                        java.util.regex.Matcher row = ITEM_ROW.matcher(field.field());
                        if (row.lookingAt()) {
                            where = "row " + (Integer.parseInt(row.group(1)) + 1) + ": ";
                        }
                        errors.merge(key, where + field.message(), (a, b) -> a + "; " + b);
                        named = true;
                    }
                }
            }
            return named ? null : problem.getBody().getDetail();
        }
    }

    static <T> void violations(Set<ConstraintViolation<T>> violations, Map<String, String> errors) {
        for (ConstraintViolation<T> violation : violations) {
            String path = violation.getPropertyPath().toString();
            java.util.regex.Matcher row = ITEM_ROW.matcher(path);
            String where = row.lookingAt() ? "row " + (Integer.parseInt(row.group(1)) + 1) + ": " : "";
            errors.merge(root(path), where + violation.getMessage(), (x, y) -> x + "; " + y);
        }
    }

    static String root(String path) {
        int cut = path.indexOf('.');
        int bracket = path.indexOf('[');
        int end = cut < 0 ? bracket : bracket < 0 ? cut : Math.min(cut, bracket);
        return end < 0 ? path : path.substring(0, end);
    }

    static Integer integer(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    static BigDecimal decimal(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number such as 90 or 37.5");
            return null;
        }
    }

    static String text(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
