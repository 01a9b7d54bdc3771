package com.lendflow.esign.settlement;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** settlement_certificate_request: one row per settled loan, claimed by the issuer for each attempt. */
@Component
class CertificateRequests {

    /** A request claimed for one attempt. */
    record Claimed(SettledLoan loan, int attempts) {
    }

    private final JdbcClient jdbc;

    CertificateRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if the loan's certificate was requested already */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean request(SettledLoan loan, Instant now) {
        return jdbc.sql("""
                        insert into settlement_certificate_request (loan_id, customer_id, settled_on, principal,
                            interest_paid, penalty_paid, fees_paid, state, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                        on conflict (loan_id) do nothing
                        """)
                .params(loan.loanId(), loan.customerId(), Date.valueOf(loan.settledOn()), loan.principal(),
                        loan.interestPaid(), loan.penaltyPaid(), loan.feesPaid(), Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /** Claims due requests for one attempt each: their next attempt moves to {@code leaseUntil}. */
    @Transactional
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update settlement_certificate_request set attempts = attempts + 1, next_attempt_at = ?
                        where loan_id in (select loan_id from settlement_certificate_request
                                          where state = 'PENDING' and next_attempt_at <= ?
                                          order by next_attempt_at limit ? for update skip locked)
                        returning loan_id, customer_id, settled_on, principal, interest_paid, penalty_paid, fees_paid,
                                  attempts
                        """)
                .params(Timestamp.from(leaseUntil), Timestamp.from(now), limit)
                .query((rs, row) -> new Claimed(new SettledLoan(rs.getObject("loan_id", UUID.class),
                        rs.getObject("customer_id", UUID.class), rs.getDate("settled_on").toLocalDate(),
                        rs.getBigDecimal("principal"), rs.getBigDecimal("interest_paid"),
                        rs.getBigDecimal("penalty_paid"), rs.getBigDecimal("fees_paid")), rs.getInt("attempts")))
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void issued(UUID loanId, UUID documentId, Instant now) {
        jdbc.sql("""
                update settlement_certificate_request set state = 'ISSUED', document_id = ?, issued_at = ?, last_error = null
                where loan_id = ?
                """).params(documentId, Timestamp.from(now), loanId).update();
    }

    @Transactional
    void retryAt(UUID loanId, Instant nextAttempt, String reason) {
        jdbc.sql("""
                update settlement_certificate_request set next_attempt_at = ?, last_error = ?
                where loan_id = ? and state = 'PENDING'
                """).params(Timestamp.from(nextAttempt), reason, loanId).update();
    }
}
