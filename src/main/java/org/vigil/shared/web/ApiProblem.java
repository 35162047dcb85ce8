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

    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail);
    }
}
