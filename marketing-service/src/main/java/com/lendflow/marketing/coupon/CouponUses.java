package com.lendflow.marketing.coupon;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface CouponUses extends Repository<CouponUse, UUID> {

    CouponUse save(CouponUse use);

    Optional<CouponUse> findById(UUID drawdownId);
}
