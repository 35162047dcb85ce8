package org.vigil.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body is at most {@link #MAX_BYTES} (16 MiB: a batch of the most readings one
 * request may carry, 5,000, each with the longest notes, fits). A larger declared
 * {@code Content-Length} is refused before anything is read, and before authentication, so that no
 * client, signed in or not, can make Vigil hold an arbitrarily large body in memory; a chunked body
 * is counted as it is read and refused once it passes the limit ({@link TooLarge}, answered by
 * {@link ProblemHandler}). The API answers 413 problem+json, other paths Tomcat's 413 page.
 * Endpoints with a smaller limit of their own (the device webhook's 1 MiB) read at most that much.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 16L << 20;

    static final String TITLE = "Request too large";
    static final String DETAIL = "A request body is at most 16 MiB; send fewer readings per request.";

    /** A chunked body passed {@link #MAX_BYTES} while it was being read. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    private final JsonMapper json;

    RequestBodyLimit(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            refuse(request, response);
            return;
        }
        // with a Content-Length the server reads no more than it; without one, only a chunked body has any
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        chain.doFilter(chunked ? new Counted(request) : request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/api/")) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem());
    }

    /** The 413 problem, also for a chunked body found too large while it was read. */
    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, DETAIL);
        problem.setTitle(TITLE);
        return problem;
    }

    /** The request, its body counted as it is read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Counted(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        private int counted(int n) throws TooLarge {
            if (n > 0) {
                read += n;
                if (read > MAX_BYTES) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
