package com.lendflow.limit.creditline;

import com.lendflow.contracts.limit.CreditLineFrozen;
import com.lendflow.contracts.limit.CreditLineLowered;
import com.lendflow.contracts.limit.CreditLineUnfrozen;
import com.lendflow.contracts.limit.FreezeCreditLine;
import com.lendflow.contracts.limit.LowerCreditLine;
import com.lendflow.contracts.limit.UnfreezeCreditLine;
import java.util.UUID;

/** Object Mother for early-warning commands (collection, antifraud) to a line, sent and answered. */
final class Freezes {

    private Freezes() {
    }

    static CreditLineFrozen freeze(LimitProbe limit, UUID customer, String code, String requestedBy) {
        return limit.ask(FreezeCreditLine.TYPE, customer, new FreezeCreditLine(UUID.randomUUID().toString(), customer, code,
                code + " rule fired for the customer", requestedBy), CreditLineFrozen.TYPE);
    }

    static CreditLineUnfrozen unfreeze(LimitProbe limit, UUID customer, String requestedBy) {
        return limit.ask(UnfreezeCreditLine.TYPE, customer, new UnfreezeCreditLine(UUID.randomUUID().toString(), customer,
                "the cause is gone", requestedBy), CreditLineUnfrozen.TYPE);
    }

    static CreditLineLowered lower(LimitProbe limit, UUID customer, String newLimit) {
        return limit.ask(LowerCreditLine.TYPE, customer, new LowerCreditLine(UUID.randomUUID().toString(), customer, newLimit,
                "BUREAU_DELINQUENCY", "bureau refresh shows a new delinquency", "collection-service"), CreditLineLowered.TYPE);
    }
}
