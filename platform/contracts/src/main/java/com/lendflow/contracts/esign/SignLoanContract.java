package com.lendflow.contracts.esign;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command to esign-service: render the loan contract (借款合同) for a drawdown with its amount, term,
 * rate, method, a summary of the schedule and the funding partner's name, sign it silently through
 * the e-signature provider and archive it, once per drawdown. Carries identity; {@link #toString()}
 * never prints it. Answered by {@link LoanContractSigned} or {@link SigningFailed} (whose
 * {@code applicationId} is then the drawdown id), keyed by drawdown id.
 */
public record SignLoanContract(UUID drawdownId, UUID customerId, String fullName, String idNumber, String amount,
                               int termMonths, String method, String annualRate, String totalInterest,
                               String firstInstallment, LocalDate firstDueDate, LocalDate lastDueDate,
                               String fundingPartnerName, LocalDate signedOn) {

    public static final MessageType<SignLoanContract> TYPE = MessageType.of("SignLoanContract", 1, SignLoanContract.class);

    @Override
    public String toString() {
        return "SignLoanContract[drawdownId=" + drawdownId + ", customerId=" + customerId + ", amount=" + amount
                + ", termMonths=" + termMonths + ", signedOn=" + signedOn + "]";
    }
}
