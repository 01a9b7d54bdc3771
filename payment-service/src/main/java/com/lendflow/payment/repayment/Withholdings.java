package com.lendflow.payment.repayment;

import jakarta.persistence.LockModeType;
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

interface Withholdings extends Repository<Withholding, UUID> {

    Withholding save(Withholding withholding);

    Optional<Withholding> findById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Withholding w where w.id = :id")
    Optional<Withholding> lockById(@Param("id") UUID id);

    Optional<Withholding> findByLoanIdAndPeriod(UUID loanId, int period);

    List<Withholding> findByLoanIdOrderByPeriodAsc(UUID loanId);

    @Query("""
            select w.id from Withholding w
            where w.state = com.lendflow.payment.repayment.WithholdingState.SCHEDULED
              and w.nextAttemptOn <= :today and (w.nextAttemptAt is null or w.nextAttemptAt <= :now)
            order by w.nextAttemptOn, w.nextAttemptAt
            """)
    List<UUID> due(@Param("today") LocalDate today, @Param("now") Instant now, Limit limit);

    @Query("""
            select w.id from Withholding w
            where w.state = com.lendflow.payment.repayment.WithholdingState.ATTEMPTING and w.attemptingSince < :before
            """)
    List<UUID> stuckAttempting(@Param("before") Instant before, Limit limit);
}
