package com.lendflow.platform.security.audit;

/** A search the audit trail refuses, naming the parameter and the rule it breaks. */
public class InvalidAuditQueryException extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidAuditQueryException(String field, String rule, String message) {
        super(field + ": " + message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
