package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command to core-ledger-service: the drawdown was disbursed; open its loan account with its schedule
 * and book the disbursement (the drawdown id is the disbursement id). Once per drawdown. Answered by
 * {@link LoanAccountOpened} or {@link LoanAccountRefused}.
 */
public record OpenLoanAccount(UUID drawdownId, UUID customerId, String productCode, String principal,
                              String annualRate, int termMonths, String method, LocalDate startDate,
                              String fundingPartner, int interestFreeDays) {

    public static final MessageType<OpenLoanAccount> TYPE = MessageType.of("OpenLoanAccount", 1, OpenLoanAccount.class);
}
