package com.lendflow.contracts.creditdecision;

import com.lendflow.contracts.MessageType;
import java.util.UUID;

/**
 * Command to credit-decision-service: approve or refuse a drawdown; the bureau report is refreshed
 * (under the customer's authorisation) when the cached one is stale. Carries identity;
 * {@link #toString()} never prints it. Answered by {@link DrawdownDecided}.
 */
public record DecideDrawdown(UUID drawdownId, UUID customerId, String fullName, String idNumber, String mobile,
                             String amount, int termMonths, BureauAuthorisation authorisation) {

    public static final MessageType<DecideDrawdown> TYPE = MessageType.of("DecideDrawdown", 1, DecideDrawdown.class);

    @Override
    public String toString() {
        return "DecideDrawdown[drawdownId=" + drawdownId + ", customerId=" + customerId + ", amount=" + amount
                + ", termMonths=" + termMonths + "]";
    }
}
