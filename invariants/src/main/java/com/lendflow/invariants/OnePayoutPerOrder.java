package com.lendflow.invariants;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exactly one successful payout at the channel per DISBURSED drawdown, and none for a FAILED one; payment-service's
 * own disbursement row agrees (SUCCEEDED for the amount of a DISBURSED order; absent, REFUSED or FAILED for a
 * FAILED one), and no payout succeeded for a drawdown loan-order does not know. Orders still in progress are left to
 * {@link SagasConclude}. The channel forgets (it keeps its newest 10,000 transfers, in memory): a DISBURSED order
 * whose payout was sent before the oldest transfer it remembers is judged on payment-service's row alone, and
 * counted as such; a payout the channel does remember is always judged.
 */
final class OnePayoutPerOrder {

    private OnePayoutPerOrder() {
    }

    static Result check(Pass pass) throws SQLException, IOException, InterruptedException {
        Findings findings = new Findings();
        Channel channel = pass.channel();
        BigDecimal horizon = channel.horizon().equals(java.time.Instant.MAX) ? null
                : BigDecimal.valueOf(channel.horizon().getEpochSecond()).add(BigDecimal.valueOf(channel.horizon().getNano(), 9));
        Set<String> known = new HashSet<>();
        long[] disbursed = {0};
        long[] failed = {0};
        long[] judgedAtChannel = {0};
        long[] forgotten = {0};
        try (Pass.Cursor orders = pass.cursor(Pass.LOAN_ORDER, "select id::text, state, amount from drawdown order by id");
             Pass.Cursor payments = pass.cursor(Pass.PAYMENT, """
                     select drawdown_id::text, state, amount,
                            extract(epoch from coalesce(submitted_at, sending_since, created_at))
                       from disbursement order by drawdown_id""")) {
            Pass.merge(orders, payments, (id, order, payment) -> {
                if (order != null) {
                    known.add(id);
                }
                List<Channel.Payout> succeeded = channel.payoutsFor(id).stream()
                        .filter(p -> "SUCCESS".equals(p.status())).toList();
                String paymentState = payment == null ? "no disbursement" : payment.text(1);
                if (order == null) {
                    if (payment != null && "SUCCEEDED".equals(payment.text(1))) {
                        findings.add(id, "payment-service paid out %s for a drawdown loan-order does not know"
                                .formatted(Findings.money(payment.money(2))));
                    }
                    return;
                }
                String state = order.text(1);
                if (succeeded.size() > 1) {
                    findings.add(id, "%s drawdown paid out %d times at the channel (request numbers %s)".formatted(state,
                            succeeded.size(), succeeded.stream().map(Channel.Payout::requestNo).toList()));
                    return;
                }
                if ("DISBURSED".equals(state)) {
                    disbursed[0]++;
                    if (payment == null || !"SUCCEEDED".equals(payment.text(1))) {
                        findings.add(id, "DISBURSED drawdown but payment-service's disbursement is " + paymentState);
                        return;
                    }
                    if (!Findings.same(order.money(2), payment.money(2))) {
                        findings.add(id, "DISBURSED drawdown of %s but payment-service paid out %s".formatted(
                                Findings.money(order.money(2)), Findings.money(payment.money(2))));
                        return;
                    }
                    if (!succeeded.isEmpty()) {
                        judgedAtChannel[0]++;
                        if (!Findings.same(order.money(2), succeeded.getFirst().amount())) {
                            findings.add(id, "DISBURSED drawdown of %s but the channel paid out %s".formatted(
                                    Findings.money(order.money(2)), Findings.money(succeeded.getFirst().amount())));
                        }
                    } else if (horizon != null && payment.money(3).compareTo(horizon) >= 0) {
                        judgedAtChannel[0]++;
                        findings.add(id, "DISBURSED drawdown with no successful payout at the channel (%s there)"
                                .formatted(channel.payoutsFor(id).stream().map(Channel.Payout::status).toList()));
                    } else {
                        forgotten[0]++;
                    }
                } else if ("FAILED".equals(state)) {
                    failed[0]++;
                    if (payment != null && !"REFUSED".equals(payment.text(1)) && !"FAILED".equals(payment.text(1))) {
                        findings.add(id, "FAILED drawdown but payment-service's disbursement is " + paymentState);
                    } else if (!succeeded.isEmpty()) {
                        findings.add(id, "FAILED drawdown but the channel paid it out (request number %s)"
                                .formatted(succeeded.getFirst().requestNo()));
                    }
                } else if (payment != null && "SUCCEEDED".equals(payment.text(1)) && payment.money(2) != null
                        && !Findings.same(order.money(2), payment.money(2))) {
                    findings.add(id, "%s drawdown of %s but payment-service paid out %s".formatted(state,
                            Findings.money(order.money(2)), Findings.money(payment.money(2))));
                }
            });
        }
        long unknown = 0;
        for (var entry : channel.payouts().entrySet()) {
            boolean paid = entry.getValue().stream().anyMatch(p -> "SUCCESS".equals(p.status()));
            if (paid && !known.contains(entry.getKey())) {
                unknown++;
                findings.add(entry.getKey(), "the channel paid out %s for a reference loan-order has no drawdown for"
                        .formatted(Findings.money(entry.getValue().getFirst().amount())));
            }
        }
        return findings.result(Invariants.ONE_PAYOUT_PER_ORDER, ("%d DISBURSED and %d FAILED drawdowns against "
                + "payment-service's disbursements; %d judged at the channel too (it keeps %d transfers%s), %d paid out "
                + "before the oldest it remembers judged on payment-service's row alone; %d unknown payouts")
                .formatted(disbursed[0], failed[0], judgedAtChannel[0], channel.transfers(),
                        horizon == null ? "" : " since " + channel.horizon(), forgotten[0], unknown));
    }
}
