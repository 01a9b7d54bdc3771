package com.lendflow.creditdecision.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the credit-line decisions allowed a customer, for the features that come after them (drawdowns). */
@Component
public class CreditLineDecisions {

    private final JdbcClient jdbc;

    CreditLineDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The customer's latest approval. A later approval replaces the line's terms in limit-service and
     * a later rejection leaves the line as it was, so the latest approval is what the line allows.
     */
    public Optional<Approval> latestApproval(UUID customerId) {
        return jdbc.sql("""
                select id, application_id, grade, credit_limit, decided_at from decision
                where customer_id = ? and outcome = 'APPROVE'
                order by decided_at desc, id limit 1
                """)
                .param(customerId)
                .query((rs, n) -> new Approval(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("grade"), rs.getBigDecimal("credit_limit"),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** An approved credit-line decision: the limit it set and when. */
    public record Approval(UUID decisionId, UUID applicationId, String grade, BigDecimal creditLimit,
                           Instant decidedAt) {
    }
}
