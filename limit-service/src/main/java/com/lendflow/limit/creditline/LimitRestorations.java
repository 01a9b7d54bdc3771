package com.lendflow.limit.creditline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface LimitRestorations extends Repository<LimitRestoration, String> {

    LimitRestoration save(LimitRestoration restoration);

    Optional<LimitRestoration> findById(String repaymentId);

    /** What repayments of a drawdown have taken off the line so far, net of reversals. */
    @Query("select coalesce(sum(r.restored - r.reoccupied), 0) from LimitRestoration r where r.drawdownId = :drawdownId")
    BigDecimal netRestoredFor(@Param("drawdownId") UUID drawdownId);

    List<LimitRestoration> findTop100ByCustomerIdOrderByRestoredAtDesc(UUID customerId);
}
