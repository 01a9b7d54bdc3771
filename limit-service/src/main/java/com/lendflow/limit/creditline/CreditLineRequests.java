package com.lendflow.limit.creditline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface CreditLineRequests extends Repository<CreditLineRequest, String> {

    CreditLineRequest save(CreditLineRequest request);

    Optional<CreditLineRequest> findById(String requestId);

    /** The freezes that hold on the line, oldest first (the line shows the oldest). */
    @Query("""
            select r from CreditLineRequest r
            where r.customerId = :customerId and r.kind = com.lendflow.limit.creditline.CreditLineRequest.Kind.FREEZE
              and r.liftedAt is null
            order by r.requestedAt, r.requestId""")
    List<CreditLineRequest> holdingOn(@Param("customerId") java.util.UUID customerId);

    /** The line's latest requests, newest first: what staff scroll through. */
    List<CreditLineRequest> findTop100ByCustomerIdOrderByRequestedAtDesc(java.util.UUID customerId);
}
