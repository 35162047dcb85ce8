package org.vigil.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem bodies shared by the security layer and the exception handler. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail unauthenticated() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Sign in first: send a valid, unexpired access token as 'Authorization: Bearer <token>'.");
        problem.setTitle("Not signed in");
        return problem;
    }

    public static ProblemDetail forbidden() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role in this organization does not allow this action.");
        problem.setTitle("Not allowed");
        return problem;
    }
}
