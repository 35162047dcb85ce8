package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the web pages are pages, not problem+json: a readable message and the right status,
 * nothing of the request echoed. Applies to the web controllers only; the API keeps its problems.
 */
@ControllerAdvice(assignableTypes = {WebLoginController.class, WebHomeController.class, WebAccountController.class,
        WebMfaEnrolmentController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPageErrors {

    private static final Logger log = LoggerFactory.getLogger(WebPageErrors.class);

    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception ex, Model model, HttpServletResponse response) {
        return page(400, "The request was not understood. Go back and try again.", model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception ex, Model model, HttpServletResponse response) {
        StackTraceElement where = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
        log.error("Unexpected {} handling a web page at {}", ex.getClass().getName(), where);
        return page(500, "Something went wrong on our side. Try again in a moment.", model, response);
    }

    private static String page(int status, String detail, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        return "problem";
    }
}
