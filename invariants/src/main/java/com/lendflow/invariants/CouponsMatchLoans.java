package com.lendflow.invariants;

import java.sql.SQLException;

/**
 * A coupon is redeemed if and only if the loan it was used on was disbursed. Per drawdown that names a coupon
 * (loan-order) against marketing's record of what each drawdown did with one ({@code coupon_use}): a DISBURSED
 * drawdown's coupon use is REDEEMED, for that coupon; a FAILED one's is not LOCKED or REDEEMED (released, refused, or
 * never locked); a coupon LOCKED or REDEEMED for a drawdown that names none is an offender too. Inside marketing, a
 * coupon's own state agrees with the use holding it. Drawdowns still in progress are left to {@link SagasConclude}.
 */
final class CouponsMatchLoans {

    private CouponsMatchLoans() {
    }

    static Result check(Pass pass) throws SQLException {
        Findings findings = new Findings();
        long[] withCoupon = {0};
        long[] redeemed = {0};
        try (Pass.Cursor orders = pass.cursor(Pass.LOAN_ORDER, """
                select id::text, state, coupon_id::text from drawdown where coupon_id is not null order by id""");
             Pass.Cursor uses = pass.cursor(Pass.MARKETING, """
                     select drawdown_id::text, state, coupon_id::text from coupon_use
                      where state in ('LOCKED', 'REDEEMED', 'RELEASED') order by drawdown_id""")) {
            Pass.merge(orders, uses, (drawdown, order, use) -> {
                String useState = use == null ? "never locked" : use.text(1);
                boolean holding = use != null && ("LOCKED".equals(use.text(1)) || "REDEEMED".equals(use.text(1)));
                if (use != null && "REDEEMED".equals(use.text(1))) {
                    redeemed[0]++;
                }
                if (order == null) {
                    if (holding) {
                        findings.add(drawdown, "coupon %s %s for a drawdown that names no coupon".formatted(use.text(2),
                                useState));
                    }
                    return;
                }
                withCoupon[0]++;
                switch (order.text(1)) {
                    case "DISBURSED" -> {
                        if (use == null || !"REDEEMED".equals(use.text(1)) || !order.text(2).equals(use.text(2))) {
                            findings.add(drawdown, "DISBURSED drawdown with coupon %s, but marketing has the use %s%s"
                                    .formatted(order.text(2), useState,
                                            use == null || order.text(2).equals(use.text(2)) ? "" : " of coupon " + use.text(2)));
                        }
                    }
                    case "FAILED" -> {
                        if (holding) {
                            findings.add(drawdown, "FAILED drawdown, but coupon %s is %s for it".formatted(use.text(2),
                                    useState));
                        }
                    }
                    default -> {
                    }
                }
            });
        }
        var coupons = pass.rows(Pass.MARKETING, """
                select c.id::text, c.state, coalesce(u.state, 'no use holding it')
                  from coupon c
                  left join coupon_use u on u.coupon_id = c.id and u.state in ('LOCKED', 'REDEEMED')
                 where c.state in ('LOCKED', 'REDEEMED')
                   and (u.drawdown_id is null or u.drawdown_id <> c.locked_by_drawdown or u.state <> c.state)
                union all
                select c.id::text, c.state, u.state
                  from coupon_use u join coupon c on c.id = u.coupon_id
                 where u.state in ('LOCKED', 'REDEEMED') and c.state = 'ISSUED'
                 order by 1""");
        for (Pass.Row row : coupons) {
            findings.add(row.text(0), "coupon is %s but its use says %s".formatted(row.text(1), row.text(2)));
        }
        return findings.result(Invariants.COUPONS_MATCH_LOANS, "%d drawdowns with a coupon, %d coupon uses REDEEMED"
                .formatted(withCoupon[0], redeemed[0]));
    }
}
