package com.lendflow.platform.web;

import java.net.URI;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem details every Lendflow service answers with. */
public final class Problems {

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("urn:lendflow:problem:" + slug);
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return withRequestId(problem);
    }

    public static ProblemDetail invalid(List<FieldViolation> violations) {
        String detail = violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", violations);
        return problem;
    }

    public static ProblemDetail withRequestId(ProblemDetail problem) {
        String requestId = MDC.get(RequestIdFilter.REQUEST_ID_MDC);
        if (requestId != null && (problem.getProperties() == null || !problem.getProperties().containsKey("requestId"))) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
