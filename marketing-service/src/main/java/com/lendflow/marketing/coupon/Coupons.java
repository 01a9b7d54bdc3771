package com.lendflow.marketing.coupon;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface Coupons extends Repository<Coupon, UUID> {

    Coupon save(Coupon coupon);

    Optional<Coupon> findById(UUID id);

    List<Coupon> findByCustomerIdOrderByIssuedAtDesc(UUID customerId);

    boolean existsByCampaignIdAndCustomerIdAndIssuedVia(UUID campaignId, UUID customerId, IssuedVia issuedVia);

    /** The coupon, locked until the transaction ends, so two drawdowns racing for it take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Coupon c where c.id = :id")
    Optional<Coupon> lockById(@Param("id") UUID id);
}
