package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.CreditLineGrantRefused;
import com.lendflow.contracts.limit.CreditLineGranted;
import com.lendflow.contracts.limit.GrantCreditLine;
import com.lendflow.platform.messaging.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants an approved application's terms to the customer's one line, once per application. The
 * saga re-sends the command when a reply is late; every copy after the first is answered with
 * the first copy's outcome, whatever the line has done since.
 */
@Component
class GrantCreditLineHandler {

    private static final Logger log = LoggerFactory.getLogger(GrantCreditLineHandler.class);

    private final CreditLines creditLines;
    private final CreditLineGrants grants;
    private final CreditLineSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    GrantCreditLineHandler(CreditLines creditLines, CreditLineGrants grants, CreditLineSettings settings, Outbox outbox,
                           Clock clock) {
        this.creditLines = creditLines;
        this.grants = grants;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void handle(GrantCreditLine command) {
        Optional<CreditLineGrant> earlier = grants.findById(command.applicationId());
        if (earlier.isPresent()) {
            log.info("application {} was answered before ({}); answering again", command.applicationId(),
                    earlier.get().outcome());
            answer(earlier.get());
            return;
        }
        // Database timestamps hold microseconds: the first answer and a repeated one must match.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        GrantTerms terms;
        try {
            terms = GrantTerms.of(command, settings.validity(), settings.today(clock));
        } catch (GrantRefused invalid) {
            // A fault in the command itself: the same command is refused the same way every time, nothing to remember.
            log.warn("refusing GrantCreditLine for application {}: {} {}", command.applicationId(), invalid.code(),
                    invalid.reason());
            outbox.publish(Topics.LIMIT_CREDIT_LINE, command.applicationId().toString(), CreditLineGrantRefused.TYPE,
                    new CreditLineGrantRefused(command.applicationId(), invalid.code().name(), invalid.reason()));
            return;
        }
        creditLines.openIfAbsent(terms.customerId(), now);
        CreditLine line = creditLines.lockById(terms.customerId()).orElseThrow();
        CreditLineGrant outcome;
        try {
            outcome = line.grant(terms, now);
            log.info("granted customer {} a line of {} at {} (grade {}) until {} for application {}", terms.customerId(),
                    terms.creditLimit(), terms.annualRate(), terms.grade(), terms.expiresOn(), terms.applicationId());
        } catch (GrantRefused refused) {
            outcome = CreditLineGrant.refused(line, terms, refused, now);
            log.info("refused application {} a line for customer {}: {} {}", terms.applicationId(), terms.customerId(),
                    refused.code(), refused.reason());
        }
        grants.save(outcome);
        answer(outcome);
    }

    private void answer(CreditLineGrant outcome) {
        String key = outcome.applicationId().toString();
        if (outcome.isGranted()) {
            outbox.publish(Topics.LIMIT_CREDIT_LINE, key, CreditLineGranted.TYPE, outcome.granted());
        } else {
            outbox.publish(Topics.LIMIT_CREDIT_LINE, key, CreditLineGrantRefused.TYPE, outcome.refused());
        }
    }
}
