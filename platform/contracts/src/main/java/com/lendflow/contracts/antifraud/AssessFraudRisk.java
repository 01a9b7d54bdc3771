package com.lendflow.contracts.antifraud;

import com.lendflow.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * Command to antifraud-service: assess one credit application. Carries the identity the rules
 * need (Kafka is inside the trust boundary); {@link #toString()} never prints it, so a log line
 * of the command cannot leak it. Answered by {@link FraudRiskAssessed}, keyed by application id.
 */
public record AssessFraudRisk(UUID applicationId, UUID customerId, String fullName, String idNumber, String mobile,
                              ApplicantDevice device, Instant appliedAt) {

    public static final MessageType<AssessFraudRisk> TYPE = MessageType.of("AssessFraudRisk", 1, AssessFraudRisk.class);

    @Override
    public String toString() {
        return "AssessFraudRisk[applicationId=" + applicationId + ", customerId=" + customerId
                + ", deviceId=" + (device == null ? null : device.deviceId()) + ", appliedAt=" + appliedAt + "]";
    }
}
