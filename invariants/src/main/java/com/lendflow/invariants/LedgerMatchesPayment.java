package com.lendflow.invariants;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * The ledger's money movements equal payment-service's successful transfers, per business id and in total:
 * <ul>
 *   <li>disbursed: each loan account's LoanDisbursed entry debits loan receivable (1101) with its principal, for the
 *       drawdown (loan_account.disbursement_id) whose disbursement payment-service has SUCCEEDED for that amount, and
 *       every SUCCEEDED disbursement has its loan;</li>
 *   <li>repaid: each collection payment-service has SUCCEEDED is in the ledger under its order id for the same
 *       amount, APPLIED (or REFUSED: recorded, to be refunded by finance); a collection the channel returned
 *       (REVERSED) is REVERSED in the ledger or was never applied; the ledger has no money repayment (REPAYMENT,
 *       PREPAYMENT, PAYOFF, RECOVERY; CREDIT moves no money) that payment-service did not collect. Net of returns, the
 *       totals are then equal.</li>
 * </ul>
 */
final class LedgerMatchesPayment {

    private LedgerMatchesPayment() {
    }

    static Result check(Pass pass) throws SQLException {
        Findings findings = new Findings();
        BigDecimal[] disbursed = {BigDecimal.ZERO, BigDecimal.ZERO};
        try (Pass.Cursor ledger = pass.cursor(Pass.CORE_LEDGER, """
                select l.disbursement_id, l.principal, coalesce(j.booked, 0)
                  from loan_account l
                  left join (select e.loan_id, sum(jl.amount) as booked
                               from journal_entry e join journal_line jl on jl.entry_id = e.id
                              where e.event_type = 'LoanDisbursed' and jl.side = 'DEBIT' and jl.account_code = '1101'
                              group by e.loan_id) j on j.loan_id = l.id
                 order by l.disbursement_id collate "C\"""");
             Pass.Cursor payment = pass.cursor(Pass.PAYMENT, """
                     select drawdown_id::text, amount from disbursement where state = 'SUCCEEDED'
                      order by drawdown_id::text collate "C\"""")) {
            Pass.merge(ledger, payment, (drawdown, loan, payout) -> {
                if (loan != null) {
                    disbursed[0] = disbursed[0].add(loan.money(2));
                }
                if (payout != null) {
                    disbursed[1] = disbursed[1].add(payout.money(1));
                }
                if (loan == null) {
                    findings.add(drawdown, "payment-service paid out %s but the ledger has no loan for it"
                            .formatted(Findings.money(payout.money(1))));
                } else if (payout == null) {
                    findings.add(drawdown, "the ledger lent %s but payment-service has no successful payout"
                            .formatted(Findings.money(loan.money(1))));
                } else if (!Findings.same(loan.money(2), payout.money(1)) || !Findings.same(loan.money(1), payout.money(1))) {
                    findings.add(drawdown, "the ledger lent %s and booked %s, payment-service paid out %s".formatted(
                            Findings.money(loan.money(1)), Findings.money(loan.money(2)), Findings.money(payout.money(1))));
                }
            });
        }
        BigDecimal[] repaid = {BigDecimal.ZERO, BigDecimal.ZERO};
        long[] refused = {0};
        try (Pass.Cursor ledger = pass.cursor(Pass.CORE_LEDGER, """
                select id, status, amount, kind from repayment
                 where kind in ('REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'RECOVERY')
                 order by id collate "C\"""");
             Pass.Cursor payment = pass.cursor(Pass.PAYMENT, """
                     select id::text, state, amount from repayment_order where state in ('SUCCEEDED', 'REVERSED')
                      order by id::text collate "C\"""")) {
            Pass.merge(ledger, payment, (id, booked, collected) -> {
                String status = booked == null ? "absent" : booked.text(1);
                boolean received = "APPLIED".equals(status) || "REFUSED".equals(status);
                // A refused repayment the channel gave back anyway leaves nothing to refund: not received.
                if ("APPLIED".equals(status) || received && collected != null && "SUCCEEDED".equals(collected.text(1))) {
                    repaid[0] = repaid[0].add(booked.money(2));
                    refused[0] += "REFUSED".equals(status) ? 1 : 0;
                }
                if (collected == null) {
                    if (booked != null) {
                        findings.add(id, "the ledger has a %s %s of %s that payment-service never collected".formatted(
                                status, booked.text(3), Findings.money(booked.money(2))));
                    }
                    return;
                }
                boolean kept = "SUCCEEDED".equals(collected.text(1));
                if (kept) {
                    repaid[1] = repaid[1].add(collected.money(2));
                }
                if (kept && !received) {
                    findings.add(id, "payment-service collected %s but the ledger's repayment is %s".formatted(
                            Findings.money(collected.money(2)), status));
                } else if (!kept && "APPLIED".equals(status)) {
                    findings.add(id, "the channel returned %s but the ledger still has it APPLIED".formatted(
                            Findings.money(collected.money(2))));
                } else if (booked != null && !Findings.same(booked.money(2), collected.money(2))) {
                    findings.add(id, "payment-service collected %s but the ledger received %s".formatted(
                            Findings.money(collected.money(2)), Findings.money(booked.money(2))));
                }
            });
        }
        return findings.result(Invariants.LEDGER_MATCHES_PAYMENT, ("disbursed: ledger %s, payment-service %s; repaid "
                + "net of returns: ledger %s (%d refused, to refund), payment-service %s").formatted(
                Findings.money(disbursed[0]), Findings.money(disbursed[1]), Findings.money(repaid[0]), refused[0],
                Findings.money(repaid[1])));
    }
}
