package com.lendflow.platform.security.access;

import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The customer an app-backend request acts for. The app backend authenticates its users itself
 * and names the customer in {@code X-Customer-Id}; Lendflow then lets that request see and
 * change only that customer's data. Someone else's resource answers 404, as if it did not
 * exist, so ids cannot be probed.
 */
public final class ActingCustomer {

    public static final String HEADER = "X-Customer-Id";

    private ActingCustomer() {
    }

    /** The named customer; 400 when the header is missing or not a UUID. */
    public static UUID require() {
        String value = currentRequest().getHeader(HEADER);
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(List.of(new FieldViolation(HEADER, "required-header",
                    "header is required: the customer this request acts for")));
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(List.of(new FieldViolation(HEADER, "type", "must be a valid UUID")));
        }
    }

    /**
     * Refuses a customer-scoped request for another customer's resource. Staff and services are
     * not customer-scoped; their access is decided by roles and scopes.
     */
    public static void mayAccess(UUID owner, String what, Object id) {
        if (!isCustomerScoped()) {
            return;
        }
        if (!require().equals(owner)) {
            throw ApiProblem.notFound(what, id);
        }
    }

    public static boolean isCustomerScoped() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("SCOPE_" + Scopes.CUSTOMER));
    }

    private static HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        throw new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "no-request", "No request",
                "the acting customer is only known while handling a request");
    }
}
