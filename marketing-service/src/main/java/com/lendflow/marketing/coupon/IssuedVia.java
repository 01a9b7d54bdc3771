package com.lendflow.marketing.coupon;

/** How a coupon came to its owner: targeted by ops staff, or by a campaign's rule when a line was granted. */
enum IssuedVia {
    OPS,
    RULE
}
