package org.vigil.tenancy.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A logo as a {@code data:image/png;base64,…} or {@code data:image/svg+xml;base64,…} URL whose
 * content is what it says (PNG signature; SVG markup with an {@code <svg} element). Null or blank
 * is valid (no logo). See {@link Branding} for why other addresses are refused.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LogoUrl.Validator.class)
@interface LogoUrl {

    int MAX_LENGTH = 65_536;
    String MESSAGE = "must be a data:image/png;base64 or data:image/svg+xml;base64 URL of at most 65536 characters "
            + "(addresses on other sites are blocked by the pages' content security policy)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LogoUrl, String> {

        private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || valid(value.trim());
        }

        static boolean valid(String url) {
            if (url.length() > MAX_LENGTH) {
                return false;
            }
            String png = "data:image/png;base64,";
            String svg = "data:image/svg+xml;base64,";
            String lower = url.toLowerCase(Locale.ROOT);
            boolean isPng = lower.startsWith(png);
            if (!isPng && !lower.startsWith(svg)) {
                return false;
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(url.substring(isPng ? png.length() : svg.length()));
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (isPng) {
                return content.length > PNG.length && java.util.Arrays.equals(content, 0, PNG.length, PNG, 0, PNG.length);
            }
            String markup = new String(content, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return markup.contains("<svg");
        }
    }
}
