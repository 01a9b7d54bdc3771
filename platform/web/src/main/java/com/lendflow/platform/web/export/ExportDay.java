package com.lendflow.platform.web.export;

import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar day an export is asked for ({@code ?date=yyyy-MM-dd}) as the instants it spans in
 * Asia/Shanghai, and whether to gzip it ({@code ?gzip=true}). Bad input is a 400 naming the field.
 */
public record ExportDay(LocalDate date, boolean gzip) {

    public static ExportDay of(String date, String gzip) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate day = null;
        if (date == null || date.isBlank()) {
            violations.add(new FieldViolation("date", "NotBlank", "is required: the calendar day, yyyy-MM-dd"));
        } else {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("date", "Pattern", "must be a calendar day yyyy-MM-dd, was '"
                        + (date.length() > 40 ? date.substring(0, 40) + "…" : date) + "'"));
            }
        }
        boolean gzipped = false;
        if (gzip != null && !gzip.isBlank()) {
            switch (gzip.strip()) {
                case "true" -> gzipped = true;
                case "false" -> gzipped = false;
                default -> violations.add(new FieldViolation("gzip", "one-of", "must be true or false"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new ExportDay(day, gzipped);
    }

    /** The first instant of the day in Asia/Shanghai. */
    public Instant from() {
        return date.atStartOfDay(CsvExport.ZONE).toInstant();
    }

    /** The first instant of the next day: the day is [from, to). */
    public Instant to() {
        return date.plusDays(1).atStartOfDay(CsvExport.ZONE).toInstant();
    }
}
