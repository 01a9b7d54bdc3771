package com.lendflow.invariants;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * Each credit line's occupied amount (limit-service) equals the principal its customer's loans still have drawn on
 * it (core-ledger): per customer, the sum over their loan accounts of principal − principal repaid. Written-off
 * principal stays drawn (limit-service restores nothing for a write-off or a recovery after it: the customer must
 * apply anew), so it is not subtracted; a reversed repayment is drawn again on both sides.
 */
final class LinesMatchLoans {

    private LinesMatchLoans() {
    }

    static Result check(Pass pass) throws SQLException {
        Findings findings = new Findings();
        BigDecimal[] occupied = {BigDecimal.ZERO};
        BigDecimal[] drawn = {BigDecimal.ZERO};
        long[] lines = {0};
        try (Pass.Cursor limit = pass.cursor(Pass.LIMIT,
                "select customer_id::text, occupied from credit_line where occupied <> 0 order by customer_id");
             Pass.Cursor ledger = pass.cursor(Pass.CORE_LEDGER, """
                     select customer_id::text, sum(principal - principal_repaid), count(*)
                       from loan_account group by customer_id
                     having sum(principal - principal_repaid) <> 0
                      order by customer_id""")) {
            Pass.merge(limit, ledger, (customer, line, loans) -> {
                lines[0]++;
                BigDecimal onLine = line == null ? BigDecimal.ZERO : line.money(1);
                BigDecimal onLoans = loans == null ? BigDecimal.ZERO : loans.money(1);
                occupied[0] = occupied[0].add(onLine);
                drawn[0] = drawn[0].add(onLoans);
                if (!Findings.same(onLine, onLoans)) {
                    findings.add(customer, "line occupied %s but the customer's %s loan(s) have %s of principal drawn"
                            .formatted(Findings.money(onLine), loans == null ? "0" : loans.count(2),
                                    Findings.money(onLoans)));
                }
            });
        }
        return findings.result(Invariants.LINES_MATCH_LOANS, ("%d customers with an occupied line or principal drawn; "
                + "lines occupy %s in all, loans have %s drawn").formatted(lines[0], Findings.money(occupied[0]),
                Findings.money(drawn[0])));
    }
}
