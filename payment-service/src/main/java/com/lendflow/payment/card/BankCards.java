package com.lendflow.payment.card;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface BankCards extends Repository<BankCard, UUID> {

    BankCard save(BankCard card);

    Optional<BankCard> findById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from BankCard c where c.id = :id")
    Optional<BankCard> lockById(@Param("id") UUID id);

    List<BankCard> findByCustomerIdOrderByCreatedAtDesc(UUID customerId);

    Optional<BankCard> findFirstByCardNumberIndexAndState(String cardNumberIndex, CardState state);

    Optional<BankCard> findFirstByCustomerIdAndStateOrderByBoundAtDesc(UUID customerId, CardState state);
}
