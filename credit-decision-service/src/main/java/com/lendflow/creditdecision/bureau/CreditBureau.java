package com.lendflow.creditdecision.bureau;

/** The credit bureau, as credit-decision-service needs it. One adapter per bureau. */
public interface CreditBureau {

    /**
     * The subject's credit report. Queries are read-only, so failures are retried.
     *
     * @throws BureauRefused     the bureau answered and refused (for example the authorisation); retrying changes nothing
     * @throws BureauUnavailable the bureau failed, timed out, answered nonsense or its circuit is open, after the retries
     */
    BureauReport report(BureauQuery query);
}
