package com.lendflow.limit.creditline;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface CreditLines extends Repository<CreditLine, UUID> {

    CreditLine save(CreditLine line);

    Optional<CreditLine> findById(UUID customerId);

    boolean existsById(UUID customerId);

    long count();
}
