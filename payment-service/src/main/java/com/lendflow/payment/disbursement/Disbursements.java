package com.lendflow.payment.disbursement;

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

interface Disbursements extends Repository<Disbursement, UUID> {

    Disbursement save(Disbursement disbursement);

    Optional<Disbursement> findById(UUID drawdownId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Disbursement d where d.drawdownId = :id")
    Optional<Disbursement> lockById(@Param("id") UUID drawdownId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Disbursement d where d.requestNo = :requestNo")
    Optional<Disbursement> lockByRequestNo(@Param("requestNo") String requestNo);

    /** What already counts against a card's daily limit: everything not refused or failed. */
    @Query("""
            select coalesce(sum(d.amount), 0) from Disbursement d
            where d.cardId = :cardId and d.businessDate = :date
              and d.state not in (com.lendflow.payment.disbursement.DisbursementState.REFUSED,
                                  com.lendflow.payment.disbursement.DisbursementState.FAILED)
            """)
    BigDecimal committedToCard(@Param("cardId") UUID cardId, @Param("date") LocalDate date);

    @Query("""
            select coalesce(sum(d.amount), 0) from Disbursement d
            where d.channel = :channel and d.businessDate = :date
              and d.state not in (com.lendflow.payment.disbursement.DisbursementState.REFUSED,
                                  com.lendflow.payment.disbursement.DisbursementState.FAILED)
            """)
    BigDecimal committedToChannel(@Param("channel") String channel, @Param("date") LocalDate date);

    @Query("""
            select d.drawdownId from Disbursement d
            where d.state in (com.lendflow.payment.disbursement.DisbursementState.PENDING,
                              com.lendflow.payment.disbursement.DisbursementState.SUBMITTED,
                              com.lendflow.payment.disbursement.DisbursementState.UNKNOWN)
              and d.nextQueryAt <= :now
            order by d.nextQueryAt
            """)
    List<UUID> due(@Param("now") Instant now, Limit limit);

    @Query("""
            select d.drawdownId from Disbursement d
            where d.state = com.lendflow.payment.disbursement.DisbursementState.SENDING and d.sendingSince < :before
            """)
    List<UUID> stuckSending(@Param("before") Instant before, Limit limit);
}
