package com.lendflow.payment.repayment;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface RepaymentOrders extends Repository<RepaymentOrder, UUID> {

    RepaymentOrder save(RepaymentOrder order);

    Optional<RepaymentOrder> findById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from RepaymentOrder o where o.id = :id")
    Optional<RepaymentOrder> lockById(@Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from RepaymentOrder o where o.requestNo = :requestNo")
    Optional<RepaymentOrder> lockByRequestNo(@Param("requestNo") String requestNo);

    Optional<RepaymentOrder> findByCustomerIdAndIdempotencyKey(UUID customerId, String idempotencyKey);

    List<RepaymentOrder> findByLoanIdOrderByCreatedAtAsc(UUID loanId);

    List<RepaymentOrder> findByWithholdingIdOrderByAttemptAsc(UUID withholdingId);

    /**
     * Collections of the loan whose money core-ledger's amounts due may not show yet: in flight, or
     * collected since {@code since} and not yet applied.
     */
    @Query("""
            select o from RepaymentOrder o where o.loanId = :loanId
              and (o.state in (com.lendflow.payment.repayment.RepaymentState.PENDING,
                               com.lendflow.payment.repayment.RepaymentState.SENDING,
                               com.lendflow.payment.repayment.RepaymentState.SUBMITTED,
                               com.lendflow.payment.repayment.RepaymentState.UNKNOWN)
                   or (o.state = com.lendflow.payment.repayment.RepaymentState.SUCCEEDED
                       and o.appliedAt is null and o.completedAt > :since))
            """)
    List<RepaymentOrder> unsettledFor(@Param("loanId") UUID loanId, @Param("since") Instant since);

    /** What already counts against a card's daily collection limit: everything not refused or failed. */
    @Query("""
            select coalesce(sum(o.amount), 0) from RepaymentOrder o
            where o.cardId = :cardId and o.businessDate = :date
              and o.state not in (com.lendflow.payment.repayment.RepaymentState.REFUSED,
                                  com.lendflow.payment.repayment.RepaymentState.FAILED)
            """)
    BigDecimal committedFromCard(@Param("cardId") UUID cardId, @Param("date") LocalDate date);

    @Query("""
            select coalesce(sum(o.amount), 0) from RepaymentOrder o
            where o.channel = :channel and o.businessDate = :date
              and o.state not in (com.lendflow.payment.repayment.RepaymentState.REFUSED,
                                  com.lendflow.payment.repayment.RepaymentState.FAILED)
            """)
    BigDecimal committedToChannel(@Param("channel") String channel, @Param("date") LocalDate date);

    @Query("""
            select o.id from RepaymentOrder o
            where o.state in (com.lendflow.payment.repayment.RepaymentState.PENDING,
                              com.lendflow.payment.repayment.RepaymentState.SUBMITTED,
                              com.lendflow.payment.repayment.RepaymentState.UNKNOWN)
              and o.nextQueryAt <= :now
            order by o.nextQueryAt
            """)
    List<UUID> due(@Param("now") Instant now, Limit limit);

    @Query("""
            select o.id from RepaymentOrder o
            where o.state = com.lendflow.payment.repayment.RepaymentState.SENDING and o.sendingSince < :before
            """)
    List<UUID> stuckSending(@Param("before") Instant before, Limit limit);
}
