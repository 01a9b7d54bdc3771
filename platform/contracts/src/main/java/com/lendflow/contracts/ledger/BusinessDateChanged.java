package com.lendflow.contracts.ledger;

import com.lendflow.contracts.MessageType;
import java.time.LocalDate;

/**
 * End of day closed {@code closedDate} and the business (accounting) date is now {@code businessDate}.
 * Daily jobs that run by business date (withholding retries, collection strategies) start from it.
 */
public record BusinessDateChanged(LocalDate closedDate, LocalDate businessDate) {

    public static final MessageType<BusinessDateChanged> TYPE = MessageType.of("BusinessDateChanged", 1, BusinessDateChanged.class);
}
