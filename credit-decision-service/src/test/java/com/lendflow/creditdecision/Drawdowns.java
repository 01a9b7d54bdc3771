package com.lendflow.creditdecision;

import com.lendflow.contracts.creditdecision.DecideDrawdown;
import java.util.UUID;

/** Object Mother for DecideDrawdown as the drawdown saga sends it: three months, under a signed authorisation. */
public final class Drawdowns {

    private Drawdowns() {
    }

    public static DecideDrawdown of(UUID customerId, String idNumber, String amount) {
        return new DecideDrawdown(UUID.randomUUID(), customerId, Applicants.NAME, idNumber, Applicants.MOBILE, amount, 3,
                Applicants.authorisation());
    }
}
