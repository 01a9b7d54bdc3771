package com.lendflow.loanorder.creditapplication;

import com.lendflow.contracts.antifraud.ApplicantDevice;
import java.util.UUID;

/**
 * Apply for a credit line. Both consents were given (the request refuses anything else).
 * {@link #toString()} never prints the identity or the device.
 */
record SubmitCreditApplication(UUID customerId, String fullName, String mobile, String idNumber, ApplicantDevice device) {

    @Override
    public String toString() {
        return "SubmitCreditApplication[customerId=" + customerId + "]";
    }
}
