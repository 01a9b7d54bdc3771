package com.lendflow.payment.transfer;

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
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The transfers of one kind, as the transfer core finds and locks them. */
@NoRepositoryBean
public interface ChannelTransfers<T extends ChannelTransfer> extends Repository<T, UUID> {

    T save(T transfer);

    Optional<T> findById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from #{#entityName} t where id(t) = :id")
    Optional<T> lockById(@Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from #{#entityName} t where t.requestNo = :requestNo")
    Optional<T> lockByRequestNo(@Param("requestNo") String requestNo);

    /** What already counts against a card's limit on a date: everything not refused or failed. */
    @Query("""
            select coalesce(sum(t.amount), 0) from #{#entityName} t
            where t.cardId = :cardId and t.businessDate = :date
              and t.state not in (com.lendflow.payment.transfer.TransferState.REFUSED,
                                  com.lendflow.payment.transfer.TransferState.FAILED)
            """)
    BigDecimal committedByCard(@Param("cardId") UUID cardId, @Param("date") LocalDate date);

    /** What already counts against the channel's limit on a date: everything not refused or failed. */
    @Query("""
            select coalesce(sum(t.amount), 0) from #{#entityName} t
            where t.channel = :channel and t.businessDate = :date
              and t.state not in (com.lendflow.payment.transfer.TransferState.REFUSED,
                                  com.lendflow.payment.transfer.TransferState.FAILED)
            """)
    BigDecimal committedToChannel(@Param("channel") String channel, @Param("date") LocalDate date);

    /** Recorded ones to send, and submitted or unknown ones to query, whose time has come. */
    @Query("""
            select id(t) from #{#entityName} t
            where t.state in (com.lendflow.payment.transfer.TransferState.PENDING,
                              com.lendflow.payment.transfer.TransferState.SUBMITTED,
                              com.lendflow.payment.transfer.TransferState.UNKNOWN)
              and t.nextQueryAt <= :now
            order by t.nextQueryAt
            """)
    List<UUID> due(@Param("now") Instant now, Limit limit);

    @Query("""
            select id(t) from #{#entityName} t
            where t.state = com.lendflow.payment.transfer.TransferState.SENDING and t.sendingSince < :before
            """)
    List<UUID> stuckSending(@Param("before") Instant before, Limit limit);
}
