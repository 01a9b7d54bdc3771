package com.lendflow.loanorder.drawdown;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Drawdowns extends Repository<Drawdown, UUID> {

    Drawdown save(Drawdown drawdown);

    Optional<Drawdown> findById(UUID id);

    boolean existsByCustomerIdAndIdempotencyKey(UUID customerId, String idempotencyKey);

    /** The drawdown, locked until the transaction ends, so a reply, the sweeper and the preparation never act on it at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Drawdown d where d.id = :id")
    Optional<Drawdown> lockById(UUID id);

    /** Drawdowns whose step is overdue, locked; rows someone else holds are skipped, not waited for. */
    @Query(value = """
            select * from drawdown
            where step_deadline <= :now
            order by step_deadline
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<Drawdown> lockOverdue(Instant now, int limit);
}
