package com.lendflow.platform.web;

/**
 * One broken rule of a request: which field (a JSON path such as {@code device.ip}), which rule
 * (for example {@code Pattern}, {@code unknown-field}) and a sentence for the person reading it.
 */
public record FieldViolation(String field, String rule, String message) {
}
