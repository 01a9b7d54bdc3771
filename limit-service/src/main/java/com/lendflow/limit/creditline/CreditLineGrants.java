package com.lendflow.limit.creditline;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface CreditLineGrants extends Repository<CreditLineGrant, UUID> {

    CreditLineGrant save(CreditLineGrant grant);

    Optional<CreditLineGrant> findById(UUID applicationId);

    List<CreditLineGrant> findByCustomerIdOrderByDecidedAtDesc(UUID customerId);
}
