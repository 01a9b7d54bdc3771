package com.lendflow.loanorder.creditapplication;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CreditApplications extends Repository<CreditApplication, UUID> {

    CreditApplication save(CreditApplication application);

    Optional<CreditApplication> findById(UUID id);

    /** The application, locked until the transaction ends, so a reply and the sweeper never act on it at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from CreditApplication a where a.id = :id")
    Optional<CreditApplication> lockById(UUID id);

    /**
     * Applications whose step is overdue, locked; rows another instance (or a reply) holds are
     * skipped rather than waited for, so several sweepers share the work without blocking.
     */
    @Query(value = """
            select * from credit_application
            where step_deadline <= :now
            order by step_deadline
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<CreditApplication> lockOverdue(Instant now, int limit);

    @Query("select a.id from CreditApplication a where a.customerId = :customerId and a.state not in :finalStates")
    List<UUID> findInFlight(UUID customerId, Collection<ApplicationState> finalStates);

    @Query("select a from CreditApplication a where a.customerId = :customerId and a.state = :state order by a.concludedAt desc")
    List<CreditApplication> findApproved(UUID customerId, ApplicationState state);

    default Optional<UUID> inFlightOf(UUID customerId) {
        return findInFlight(customerId, ApplicationState.FINAL).stream().findFirst();
    }
}
