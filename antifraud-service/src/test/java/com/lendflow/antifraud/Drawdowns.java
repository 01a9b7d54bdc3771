package com.lendflow.antifraud;

import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import java.time.Instant;
import java.util.UUID;

/** Object Mother for drawdowns as the drawdown saga sends them to antifraud-service. */
public final class Drawdowns {

    private Drawdowns() {
    }

    /** The customer borrows 100 yuan to the card from the device, now. */
    public static AssessDrawdownRisk by(UUID customerId, ApplicantDevice device, UUID cardId) {
        return at(customerId, device, cardId, Instant.now());
    }

    public static AssessDrawdownRisk at(UUID customerId, ApplicantDevice device, UUID cardId, Instant requestedAt) {
        return new AssessDrawdownRisk(UUID.randomUUID(), customerId, cardId, "100.00", device, requestedAt);
    }
}
