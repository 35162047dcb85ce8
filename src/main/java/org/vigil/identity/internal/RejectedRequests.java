package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Spring Security's firewall refuses before any chain runs ({@code ..}, {@code //},
 * {@code ;}, an encoded slash or period, a control character in a header): the API answers them
 * 400 problem+json like any other bad input, instead of Spring Boot's default error JSON; the web
 * UI's paths get the 400 error page. The answer names the kinds of thing refused, not the request:
 * nothing of the address is echoed (it may carry identifiers), and the firewall's message is not
 * logged here. What Tomcat refuses before the firewall sees it is answered alike by
 * {@link ServerRejectedRequests}.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    static final String TITLE = "Request refused";
    static final String DETAIL = "The request's address or headers contain something Vigil does not accept, such as a "
            + "'..', '//' or ';' in the path, an encoded slash, period, percent sign or NUL byte, or a control character.";

    private final JsonMapper json;

    RejectedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/api/")) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, DETAIL);
        problem.setTitle(TITLE);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
