package com.lendflow.marketing.campaign;

/** An ACTIVE campaign issues coupons; an ENDED one issues no more, and its coupons already issued stay usable. */
public enum CampaignStatus {
    ACTIVE,
    ENDED
}
