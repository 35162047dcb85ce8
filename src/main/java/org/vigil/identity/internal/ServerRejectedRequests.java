package org.vigil.identity.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat itself refuses before any filter or servlet runs (an encoded slash {@code %2F}
 * or an encoded NUL byte in the path, among others): on the API they are answered 400
 * problem+json like every other bad input ({@link RejectedRequests} answers what Spring Security's
 * firewall refuses), instead of Tomcat's HTML error page. Other paths keep that page, without the
 * server's name or a report, as Spring Boot configures it.
 *
 * <p>Tomcat renders such an answer in its error report valve on the host; this replaces Spring
 * Boot's valve there (this customizer runs last, after Spring Boot's, whose order is 0) and names
 * its class as the host's, which otherwise adds a default valve of its own at start. The valve
 * writes only when nothing else has written a body: Spring MVC's own problem answers and error
 * pages are untouched. Nothing of the refused address is echoed.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ServerRejectedRequests implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final JsonMapper json;

    ServerRejectedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve(json));
            // the host adds a valve of its configured class at start unless one is there already
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as problem+json under {@code /api/}. */
    static final class ProblemReportValve extends ErrorReportValve {

        private final JsonMapper json;

        ProblemReportValve(JsonMapper json) {
            this.json = json;
            setShowServerInfo(false);
            setShowReport(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String path = request.getCoyoteRequest().requestURI().toString();
            if (path == null || !path.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            // as Tomcat's own report: only an error, only when nothing was written, only once
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get() || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail problem = status == HttpStatus.BAD_REQUEST.value()
                    ? ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, RejectedRequests.DETAIL)
                    : ProblemDetail.forStatusAndDetail(known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR,
                            "The server could not process the request.");
            problem.setStatus(status);
            problem.setTitle(status == HttpStatus.BAD_REQUEST.value() ? RejectedRequests.TITLE
                    : known != null ? known.getReasonPhrase() : "Error");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                OutputStream out = response.getOutputStream();
                json.writeValue(out, problem);
                response.finishResponse();
            } catch (IOException | RuntimeException e) {
                // the client went away, or the answer could not be written: nothing more to do
            }
        }
    }
}
