package com.lendflow.platform.web;

import java.util.List;

/** A request that breaks rules only the use case can check; answered as 400 naming each field. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequest(List<FieldViolation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
