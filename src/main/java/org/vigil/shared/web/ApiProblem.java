package org.vigil.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Throw to answer with an RFC 9457 problem: a status, a short title and a readable detail. */
public final class ApiProblem extends ErrorResponseException {

    private ApiProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ApiProblem unauthorized(String title, String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, title, detail);
    }

    /** Another organization's record, or one that does not exist: the same answer, never 403. */
    public static ApiProblem notFound(String resource) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", "No " + resource + " with that id exists here.");
    }

    /** Too many attempts: try again after {@code retryAfterSeconds} (also sent as Retry-After). */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", detail);
        problem.getHeaders().set("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
        return problem;
    }

    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail);
    }

    public static ApiProblem forbidden(String title, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, title, detail);
    }

    /** A body larger than the endpoint takes (413 Content Too Large). */
    public static ApiProblem tooLarge(String title, String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, title, detail);
    }

    /** A bad parameter or field: the detail names it (and never echoes the submitted value). */
    public static ApiProblem badRequest(String title, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, title, detail);
    }

    /**
     * One field of the request is wrong in a way only the server can tell (a check digit, a shape,
     * a reference): 400 with {@code errors: [{field, message}]} like bean validation's answers.
     */
    public static ApiProblem invalid(String field, String message) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has invalid fields; see 'errors'.");
        problem.getBody().setProperty("errors", java.util.List.of(new FieldError(field, message)));
        return problem;
    }

    /** A field's value collides with a stored one (a duplicate MRN, say): 409 naming the field. */
    public static ApiProblem conflict(String field, String title, String detail) {
        ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, title, detail);
        problem.getBody().setProperty("errors", java.util.List.of(new FieldError(field, detail)));
        return problem;
    }

    /** Unprocessable: the request is well-formed but the record's state does not allow it (409). */
    public static ApiProblem refused(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail);
    }

    /**
     * Well-formed and authentic but not acceptable as it stands (a device delivery for a device
     * nobody registered, say): 422.
     */
    public static ApiProblem unprocessable(String title, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, title, detail);
    }

    /** The shape of each entry of a problem's {@code errors}. */
    public record FieldError(String field, String message) {
    }

    /** {@code If-Match} names a version that is no longer current (412). */
    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Changed in the meantime", detail);
    }

    /** A conditional write arrived without {@code If-Match} (428). */
    public static ApiProblem preconditionRequired(String detail) {
        return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", detail);
    }
}
