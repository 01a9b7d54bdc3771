package com.lendflow.payment.disbursement;

import java.math.BigDecimal;
import java.util.UUID;

/** A Disburse command as checked: the amount read exactly. */
record PayoutOrder(UUID drawdownId, UUID customerId, UUID cardId, BigDecimal amount, String fundingPartnerId) {
}
