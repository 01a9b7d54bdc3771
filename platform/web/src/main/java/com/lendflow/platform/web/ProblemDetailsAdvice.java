package com.lendflow.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal into an RFC 9457 problem detail that names the field and the rule, so
 * the app backend can show the right message and ops staff can tell what went wrong.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return ResponseEntity.status(problem.status())
                .body(Problems.of(problem.status(), problem.slug(), problem.title(), problem.getMessage()));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest invalid) {
        return ResponseEntity.badRequest().body(Problems.invalid(invalid.violations()));
    }

    /**
     * Anything unforeseen: logged with the request id, answered without internals. Security's own
     * refusals pass through to the security filters, which answer 401 or 403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) throws Exception {
        if (exception.getClass().getName().startsWith("org.springframework.security.")) {
            throw exception;
        }
        log.error("unexpected failure", exception);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "the request failed on our side; quote the requestId when reporting it"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException exception) {
        List<FieldViolation> violations = exception.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), error.getCode(), error.getDefaultMessage()));
        }
        exception.getBindingResult().getGlobalErrors().forEach(error ->
                violations.add(new FieldViolation(error.getObjectName(), error.getCode(), error.getDefaultMessage())));
        violations.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::rule));
        return ResponseEntity.badRequest().body(Problems.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String name = result.getMethodParameter().getParameterName();
            String[] codes = error.getCodes();
            String rule = codes != null && codes.length > 0 ? codes[codes.length - 1] : "invalid";
            violations.add(new FieldViolation(name, rule, error.getDefaultMessage()));
        }));
        return ResponseEntity.badRequest().body(Problems.invalid(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodySizeLimitFilter.BodyTooLargeException tooLarge = find(exception, BodySizeLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BodySizeLimitFilter.tooLarge(tooLarge.maxBytes()));
        }
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(unreadable(exception))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException m ? m.getName() : exception.getPropertyName();
        String expected = exception.getRequiredType() == null ? "value" : exception.getRequiredType().getSimpleName();
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                new FieldViolation(name, "type", "must be a valid " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException exception, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldViolation(
                exception.getParameterName(), "required-parameter",
                "query parameter is required (" + exception.getParameterType() + ")"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException exception) {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                new FieldViolation(exception.getHeaderName(), "required-header", "header is required"))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.withRequestId(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static FieldViolation unreadable(HttpMessageNotReadableException exception) {
        UnrecognizedPropertyException unknown = find(exception, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return new FieldViolation(path(unknown), "unknown-field",
                    "is not a field of this request; remove it (known fields: " + unknown.getKnownPropertyIds() + ")");
        }
        InvalidFormatException format = find(exception, InvalidFormatException.class);
        if (format != null) {
            String expected = format.getTargetType().getSimpleName();
            // Text that does not parse is a format problem; a number or boolean where text belongs is a type problem.
            return format.getValue() instanceof String
                    ? new FieldViolation(path(format), "format", "must be a valid " + expected)
                    : new FieldViolation(path(format), "type", "must be a JSON " + (expected.equals("String") ? "string" : expected));
        }
        MismatchedInputException mismatch = find(exception, MismatchedInputException.class);
        if (mismatch != null) {
            String type = mismatch.getTargetType() == null ? "value" : mismatch.getTargetType().getSimpleName();
            return new FieldViolation(path(mismatch), "type", "must be a " + type);
        }
        StreamReadException malformed = find(exception, StreamReadException.class);
        if (malformed != null) {
            return new FieldViolation("body", "malformed-json", "is not valid JSON: " + firstLine(malformed.getOriginalMessage()));
        }
        log.debug("unreadable request body", exception);
        return new FieldViolation("body", "required", "a JSON request body is required");
    }

    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        // Method-parameter paths look like "register.request.mobile": drop the method name.
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        Throwable current = exception;
        while (current != null) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }
}
