package org.vigil.patients.internal;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.vigil.shared.web.ApiProblem;

/**
 * A request names a record (in its body or as a filter) that does not exist here: 404, exactly as
 * for a path id, whether it is missing or belongs to another organization, with
 * {@code errors: [{field, message}]} naming the field.
 */
final class MissingReference extends ErrorResponseException {

    private MissingReference(String field, String resource) {
        super(HttpStatus.NOT_FOUND, problem(field, resource), null);
    }

    private static ProblemDetail problem(String field, String resource) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "'" + field + "' names no " + resource + " that exists here.");
        problem.setTitle("Referenced record not found");
        problem.setProperty("errors", List.of(new ApiProblem.FieldError(field, "names no " + resource + " that exists here")));
        return problem;
    }

    static MissingReference of(String field, String resource) {
        return new MissingReference(field, resource);
    }
}
