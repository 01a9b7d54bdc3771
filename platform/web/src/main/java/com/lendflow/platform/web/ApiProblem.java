package com.lendflow.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal a caller can act on, answered as an RFC 9457 problem detail. Services throw it from
 * their use cases; the web kit turns it into the response.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                "no " + what.toLowerCase() + " with id " + id);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
