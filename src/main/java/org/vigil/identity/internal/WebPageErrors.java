package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.WebPage;

/**
 * Errors of the web pages are pages, not problem+json: a readable message and the right status,
 * nothing of the request echoed. A refusal by a service (an {@link ApiProblem}: a stale record, an
 * illegal transition, an invalid field) shows the service's own wording, which is written for
 * people and never quotes stored values. For an htmx request the answer is only the message
 * ({@code fragments :: flash}), which {@code vigil.js} shows in the page's message area.
 * Applies to {@link WebPage} controllers only; the API keeps its problems.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPageErrors {

    private static final Logger log = LoggerFactory.getLogger(WebPageErrors.class);

    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(400, "The request was not understood. Go back and try again.", model, request, response);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    String invalid(MethodArgumentNotValidException ex, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String fields = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage()).collect(Collectors.joining("; "));
        return page(400, "Please correct: " + fields + ".", model, request, response);
    }

    /** {@link ApiProblem} and the modules' other problem types (a missing reference, say). */
    @ExceptionHandler(ErrorResponseException.class)
    String refused(ErrorResponseException problem, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        StringBuilder detail = new StringBuilder();
        if (problem.getBody().getProperties() != null
                && problem.getBody().getProperties().get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof ApiProblem.FieldError field) {
                    detail.append(detail.isEmpty() ? "" : " ").append(field.field()).append(": ")
                            .append(field.message())
                            .append(field.message().endsWith(".") ? "" : ".");
                }
            }
        }
        if (detail.isEmpty()) {
            detail.append(problem.getBody().getDetail() == null ? "The request was refused."
                    : problem.getBody().getDetail());
        }
        return page(problem.getStatusCode().value(), detail.toString(), model, request, response);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    String constrained(jakarta.validation.ConstraintViolationException ex, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String fields = ex.getConstraintViolations().stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage()).sorted()
                .collect(Collectors.joining("; "));
        return page(400, "Please correct: " + fields + ".", model, request, response);
    }

    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    String contended(Exception ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(503, "The change collided with another one on the same records and was not saved. Try again.",
                model, request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(403, "Your role does not allow this. Ask an administrator of your organization if you need it.",
                model, request, response);
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    String raced(Exception ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(409, "Someone else changed this record a moment ago. Reload the page to see their change, "
                + "then try again.", model, request, response);
    }

    /**
     * The browser went away while the answer was being written (a page with a live stream was left
     * or closed): there is nobody to answer and nothing went wrong here. (The response parameter
     * tells Spring MVC the answer is complete, so it renders no view.)
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void gone(Exception ex, HttpServletResponse response) {
        log.debug("The client left before its answer was written: {}", ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception ex, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (org.vigil.shared.persistence.RefusedWrite.nulCharacter(ex)) {
            return page(400, org.vigil.shared.persistence.RefusedWrite.NUL_DETAIL, model, request, response);
        }
        StackTraceElement where = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
        log.error("Unexpected {} handling a web page at {}", ex.getClass().getName(), where);
        return page(500, "Something went wrong on our side; nothing was changed. Try again in a moment.", model,
                request, response);
    }

    private final WebLayout layout;

    WebPageErrors(WebLayout layout) {
        this.layout = layout;
    }

    private String page(int status, String detail, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        response.setStatus(status);
        // A refused event stream (produces text/event-stream) still answers with this page: without
        // this, content negotiation would turn the refusal into a 406.
        request.removeAttribute(org.springframework.web.servlet.HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        // The error page keeps the frame (navigation, who is signed in): model attributes of
        // controller advice are not applied to exception handlers, so it is added here.
        if (request.getHeader("HX-Request") == null
                && org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                        instanceof org.vigil.identity.CallerAuthentication signedIn) {
            try {
                model.addAttribute("frame", layout.frame(signedIn.caller(), request));
            } catch (RuntimeException frameFailed) {
                log.warn("The error page's frame could not be built: {}", frameFailed.getClass().getName());
            }
        }
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        return request.getHeader("HX-Request") != null ? "fragments :: flash" : "problem";
    }
}
