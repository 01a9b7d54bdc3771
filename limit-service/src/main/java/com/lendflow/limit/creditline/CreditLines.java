package com.lendflow.limit.creditline;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface CreditLines extends Repository<CreditLine, UUID> {

    Optional<CreditLine> findById(UUID customerId);

    boolean existsById(UUID customerId);

    long count();

    /**
     * Opens an empty line unless the customer has one. Registration and a first grant may race
     * to open it; whichever comes second changes nothing.
     *
     * @return 1 if this call opened it
     */
    @Modifying
    @Query(value = """
            insert into credit_line (customer_id, status, opened_at)
            values (:customerId, 'NOT_ACTIVATED', :openedAt)
            on conflict (customer_id) do nothing
            """, nativeQuery = true)
    int openIfAbsent(@Param("customerId") UUID customerId, @Param("openedAt") Instant openedAt);

    /** The line, locked until the transaction ends, so a grant and a reservation never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from CreditLine l where l.customerId = :customerId")
    Optional<CreditLine> lockById(@Param("customerId") UUID customerId);
}
