package com.lendflow.invariants;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each funding partner's position equals its confirmed disbursements. Two parts:
 * <ul>
 *   <li>per partner and funding business day, inside funding-service: the position's {@code used} is the sum of that
 *       day's CONFIRMED reservations and its {@code reserved} the sum of the RESERVED ones;</li>
 *   <li>per drawdown, funding against payment-service: a CONFIRMED reservation has a SUCCEEDED disbursement of the
 *       same amount through the same partner, and every SUCCEEDED disbursement has a CONFIRMED reservation; the
 *       per-partner totals follow.</li>
 * </ul>
 * Not per day across the two services: each dates a drawdown by its own wall clock (funding when it reserved,
 * payment when it paid out), so a drawdown reserved just before midnight and paid just after sits on different days
 * on each side; per drawdown is exact, and the totals are then equal on every day the funding side names.
 */
final class FundingMatchesPayouts {

    private FundingMatchesPayouts() {
    }

    static Result check(Pass pass) throws SQLException {
        Findings findings = new Findings();
        var positions = pass.rows(Pass.FUNDING, """
                select coalesce(p.partner_id, r.partner_id) || ' ' || coalesce(p.business_date, r.business_date),
                       coalesce(p.used, 0), coalesce(r.confirmed, 0), coalesce(p.reserved, 0), coalesce(r.held, 0)
                  from funding_position p
                  full join (select partner_id, business_date,
                                    sum(amount) filter (where status = 'CONFIRMED') as confirmed,
                                    sum(amount) filter (where status = 'RESERVED') as held
                               from funding_reservation group by partner_id, business_date) r
                    on r.partner_id = p.partner_id and r.business_date = p.business_date
                 where coalesce(p.used, 0) <> coalesce(r.confirmed, 0) or coalesce(p.reserved, 0) <> coalesce(r.held, 0)
                 order by 1""");
        for (Pass.Row row : positions) {
            findings.add(row.text(0), "position used %s reserved %s, but its reservations are %s confirmed and %s held"
                    .formatted(Findings.money(row.money(1)), Findings.money(row.money(3)),
                            Findings.money(row.money(2)), Findings.money(row.money(4))));
        }
        long days = pass.one(Pass.FUNDING, "select count(*) from funding_position").count(0);
        Map<String, BigDecimal[]> partners = new TreeMap<>();
        try (Pass.Cursor funding = pass.cursor(Pass.FUNDING, """
                select drawdown_id::text, status, partner_id, amount from funding_reservation
                 where status in ('RESERVED', 'CONFIRMED') order by drawdown_id""");
             Pass.Cursor payment = pass.cursor(Pass.PAYMENT, """
                     select drawdown_id::text, state, funding_partner_id, amount from disbursement
                      where state = 'SUCCEEDED' order by drawdown_id""")) {
            Pass.merge(funding, payment, (drawdown, reservation, payout) -> {
                boolean confirmed = reservation != null && "CONFIRMED".equals(reservation.text(1));
                if (confirmed) {
                    total(partners, reservation.text(2))[0] = total(partners, reservation.text(2))[0].add(reservation.money(3));
                }
                if (payout != null) {
                    String partner = payout.text(2) == null ? "(none)" : payout.text(2);
                    total(partners, partner)[1] = total(partners, partner)[1].add(payout.money(3));
                }
                if (confirmed && payout == null) {
                    findings.add(drawdown, "funding confirmed %s from %s but payment-service has no successful payout"
                            .formatted(Findings.money(reservation.money(3)), reservation.text(2)));
                } else if (payout != null && !confirmed) {
                    findings.add(drawdown, "paid out %s through %s but the funding reservation is %s".formatted(
                            Findings.money(payout.money(3)), payout.text(2),
                            reservation == null ? "missing" : reservation.text(1)));
                } else if (confirmed && (!Findings.same(reservation.money(3), payout.money(3))
                        || !reservation.text(2).equals(payout.text(2)))) {
                    findings.add(drawdown, "funding confirmed %s from %s but payment-service paid out %s through %s"
                            .formatted(Findings.money(reservation.money(3)), reservation.text(2),
                                    Findings.money(payout.money(3)), payout.text(2)));
                }
            });
        }
        StringBuilder totals = new StringBuilder();
        partners.forEach((partner, sums) -> totals.append(totals.isEmpty() ? "" : ", ").append(partner)
                .append(" confirmed ").append(Findings.money(sums[0])).append(" / paid out ").append(Findings.money(sums[1])));
        return findings.result(Invariants.FUNDING_MATCHES_PAYOUTS, ("%d partner-days of positions against their "
                + "reservations; per drawdown against payment-service: %s").formatted(days,
                totals.isEmpty() ? "no payouts" : totals));
    }

    private static BigDecimal[] total(Map<String, BigDecimal[]> partners, String partner) {
        return partners.computeIfAbsent(partner, p -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
}
