package com.lendflow.collection.postloan.adjustment;

import com.lendflow.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** core-ledger could not say how a loan stands; nothing was requested. */
class LedgerUnavailable extends ApiProblem {

    LedgerUnavailable(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "ledger-unavailable", "Ledger unavailable",
                detail + "; nothing was requested, try again shortly");
    }
}
