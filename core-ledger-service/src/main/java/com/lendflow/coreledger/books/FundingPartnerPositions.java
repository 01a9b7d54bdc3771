package com.lendflow.coreledger.books;

import static com.lendflow.platform.web.Amounts.text;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each funding partner's position, from the journal lines tagged with the partner: principal its
 * loans still owe (1101), interest and penalty accrued and not yet collected (1102, 1103), income
 * earned on its loans (4101, 4102) and what we owe the partner for the principal it paid out (2101).
 */
@Component
class FundingPartnerPositions {

    private final JdbcClient jdbc;

    FundingPartnerPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Position(String fundingPartner, String principalOutstanding, String interestReceivable,
                    String penaltyReceivable, String interestEarned, String penaltyEarned, String owedToPartner) {
    }

    record PositionsView(LocalDate asOf, List<Position> partners) {
    }

    PositionsView asOf(LocalDate asOf) {
        List<Position> positions = jdbc.sql("""
                        select l.funding_partner,
                               coalesce(sum(case l.side when 'DEBIT' then l.amount else -l.amount end)
                                        filter (where l.account_code = '1101'), 0),
                               coalesce(sum(case l.side when 'DEBIT' then l.amount else -l.amount end)
                                        filter (where l.account_code = '1102'), 0),
                               coalesce(sum(case l.side when 'DEBIT' then l.amount else -l.amount end)
                                        filter (where l.account_code = '1103'), 0),
                               coalesce(sum(case l.side when 'CREDIT' then l.amount else -l.amount end)
                                        filter (where l.account_code = '4101'), 0),
                               coalesce(sum(case l.side when 'CREDIT' then l.amount else -l.amount end)
                                        filter (where l.account_code = '4102'), 0),
                               coalesce(sum(case l.side when 'CREDIT' then l.amount else -l.amount end)
                                        filter (where l.account_code = '2101'), 0)
                          from journal_line l
                          join journal_entry e on e.id = l.entry_id
                         where l.funding_partner is not null and (cast(? as date) is null or e.business_date <= ?)
                         group by l.funding_partner
                         order by l.funding_partner
                        """)
                .params(asOf, asOf)
                .query((rs, row) -> new Position(rs.getString(1), text(rs.getBigDecimal(2)), text(rs.getBigDecimal(3)),
                        text(rs.getBigDecimal(4)), text(rs.getBigDecimal(5)), text(rs.getBigDecimal(6)),
                        text(rs.getBigDecimal(7))))
                .list();
        return new PositionsView(asOf, positions);
    }
}
