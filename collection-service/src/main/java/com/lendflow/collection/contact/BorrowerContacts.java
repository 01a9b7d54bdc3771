package com.lendflow.collection.contact;

import com.lendflow.collection.CollectionSettings;
import com.lendflow.platform.security.access.InternalCalls;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.privacy.Mask;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The borrower's own mobile and name, asked of loan-order-service ({@code GET
 * /internal/v1/customers/{id}/contact}) each time a contact is made: collection keeps no copy.
 */
@Component
public class BorrowerContacts {

    private final RestClient loanOrder;

    BorrowerContacts(InternalCalls calls, CollectionSettings settings) {
        this.loanOrder = calls.to(settings.services().loanOrder().toString());
    }

    /** Never printed whole. */
    public record BorrowerContact(UUID customerId, String mobile, String realName) {

        /** The surname followed by a star per other character: 张三丰 → 张**. */
        public String surnameOnly() {
            if (realName == null || realName.isEmpty()) {
                return "客户";
            }
            int first = realName.offsetByCodePoints(0, 1);
            return realName.substring(0, first) + "*".repeat(realName.codePointCount(first, realName.length()));
        }

        @Override
        public String toString() {
            return "BorrowerContact[customerId=" + customerId + ", mobile=" + Mask.mobile(mobile) + ", realName="
                    + Mask.name(realName) + "]";
        }
    }

    record ContactAnswer(UUID customerId, String mobile, String realName) {
    }

    /**
     * @throws ApiProblem 503 when loan-order-service does not answer, 404 when it does not know the customer
     */
    public BorrowerContact of(UUID customerId) {
        try {
            ContactAnswer answer = loanOrder.get().uri("/internal/v1/customers/{id}/contact", customerId)
                    .retrieve().body(ContactAnswer.class);
            if (answer == null || answer.mobile() == null) {
                throw unavailable("it answered without a mobile");
            }
            return new BorrowerContact(customerId, answer.mobile(), answer.realName());
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw ApiProblem.notFound("Customer", customerId);
            }
            throw unavailable(e.getStatusCode().toString());
        } catch (RestClientException e) {
            throw unavailable(e.getMessage());
        }
    }

    private static ApiProblem unavailable(String why) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Borrower contact unavailable",
                "loan-order-service did not give the borrower's contact (" + why + "); try again shortly");
    }
}
