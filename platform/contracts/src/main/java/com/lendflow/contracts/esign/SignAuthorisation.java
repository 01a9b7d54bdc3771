package com.lendflow.contracts.esign;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command to esign-service: render the customer's credit-bureau authorisation (征信授权书) for an
 * application and sign it through the e-signature provider. One application is signed at most
 * once, however often the command arrives. Carries the identity the document prints;
 * {@link #toString()} never prints it. Answered by {@link AuthorisationSigned} or
 * {@link SigningFailed}, keyed by application id.
 */
public record SignAuthorisation(UUID applicationId, UUID customerId, String fullName, String idNumber,
                                LocalDate signedOn) {

    public static final MessageType<SignAuthorisation> TYPE =
            MessageType.of("SignAuthorisation", 1, SignAuthorisation.class);

    @Override
    public String toString() {
        return "SignAuthorisation[applicationId=" + applicationId + ", customerId=" + customerId + ", signedOn="
                + signedOn + "]";
    }
}
