package org.vigil.shared.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem ({@code application/problem+json}). Validation failures
 * name each field and what is wrong with it; unreadable JSON says where; anything unexpected is a
 * plain 500 problem whose detail reveals nothing (the cause is logged without request data).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields; see 'errors'.");
        problem.setTitle("Invalid request");
        List<ApiProblem.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldError(error.getField(),
                        // A conversion failure's own message quotes the submitted value.
                        error.isBindingFailure() ? "has the wrong type or format" : error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid parameters; see 'errors'.");
        problem.setTitle("Invalid request");
        List<ApiProblem.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new ApiProblem.FieldError(
                        parameterName(result), error.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String parameterName(org.springframework.validation.method.ParameterValidationResult result) {
        var parameter = result.getMethodParameter();
        var requestParam = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        var pathVariable = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    /**
     * A parameter constraint checked by method validation (controllers annotated {@code @Validated}):
     * 400 naming the parameter, like the binding errors.
     */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(jakarta.validation.ConstraintViolationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid parameters; see 'errors'.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", ex.getConstraintViolations().stream()
                .map(violation -> {
                    // the parameter or property named last; an element of a list is its list's
                    String field = null;
                    for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
                        if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                            field = node.getName();
                        }
                    }
                    return new ApiProblem.FieldError(String.valueOf(field), violation.getMessage());
                })
                .sorted(java.util.Comparator.comparing(ApiProblem.FieldError::field)).toList());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A query or path parameter of the wrong type (a date that is not a date): 400 naming it. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid parameters; see 'errors'.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new ApiProblem.FieldError(ex.getName(), "has the wrong type or format")));
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge) {
                return handleExceptionInternal(ex, RequestBodyLimit.problem(), headers, HttpStatus.CONTENT_TOO_LARGE,
                        request);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, readableReason(ex));
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Names the offending field for type mismatches; never echoes the submitted value. */
    private static String readableReason(HttpMessageNotReadableException ex) {
        for (Throwable link = ex.getCause(); link != null; link = link.getCause()) {
            if (link instanceof tools.jackson.core.exc.StreamConstraintsException) {
                return "The body holds more JSON than Vigil reads in one request (too many values, too deep, or a "
                        + "value too long); send fewer readings per request.";
            }
        }
        Throwable cause = ex.getMostSpecificCause();
        // A value Jackson hands to another parser (a date, say) fails with that parser's exception
        // as the most specific cause; the Jackson exception wrapping it knows the field.
        for (Throwable link = ex.getCause(); link != null; link = link.getCause()) {
            if (link instanceof tools.jackson.databind.DatabindException) {
                cause = link;
                break;
            }
        }
        if (cause instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
            if (cause instanceof tools.jackson.databind.exc.InvalidNullException) {
                return "Field '" + field + "' is required.";
            }
            return "Field '" + field + "' has the wrong type or format.";
        }
        if (cause instanceof tools.jackson.core.JacksonException) {
            return "The body is not valid JSON.";
        }
        return "The request body is missing or unreadable.";
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.forbidden());
    }

    /** Two writers raced past the If-Match check: the slower one's change is refused, as if stale. */
    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> raced(org.springframework.dao.OptimisticLockingFailureException ex) {
        ApiProblem stale = ETags.stale("record");
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(stale.getBody());
    }

    /**
     * A deadlock or lock timeout that survived the retries: nothing was written (the transaction
     * rolled back), and sending the same request again is the remedy — 503 with Retry-After says so.
     */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> contended(org.springframework.dao.PessimisticLockingFailureException ex) {
        log.warn("Lock conflict handling an API request: {}", ex.getClass().getName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The request collided with concurrent changes to the same records and was rolled back; "
                        + "nothing was changed. Send it again.");
        problem.setTitle("Busy, try again");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (org.vigil.shared.persistence.RefusedWrite.nulCharacter(ex)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    org.vigil.shared.persistence.RefusedWrite.NUL_DETAIL);
            problem.setTitle("Invalid character");
            return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        // Exception messages can quote stored values (constraint violations do), so only the type
        // and the place are logged, never the message.
        StackTraceElement where = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
        String constraint = ex instanceof org.springframework.dao.DataIntegrityViolationException violation
                ? org.vigil.shared.persistence.RefusedWrite.constraint(violation) : null;
        log.error("Unexpected {} handling an API request at {}{}", ex.getClass().getName(), where,
                constraint == null ? "" : " (constraint " + constraint + ")");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed by this request.");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

}
