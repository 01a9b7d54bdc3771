-- A campaign is a coupon template: what the coupon gives (a lower annual rate, or interest-free
-- days), on which drawdowns it may be used, how long an issued coupon lasts, and which credit
-- grades receive it by rule when their line is granted (none: issued by ops only).
create table campaign (
    id                 uuid           primary key,
    name               text           not null,
    kind               text           not null,
    discounted_rate    numeric(9, 6),
    interest_free_days integer,
    minimum_amount     numeric(19, 2) not null,
    allowed_terms      integer[]      not null,
    valid_from         date,
    valid_until        date,
    valid_days         integer,
    rule_grades        text[]         not null default '{}',
    status             text           not null,
    created_at         timestamptz    not null,
    created_by         text           not null,
    changed_at         timestamptz    not null,
    changed_by         text           not null,
    version            bigint         not null default 0,
    constraint campaign_kind check (kind in ('RATE_DISCOUNT', 'INTEREST_FREE_DAYS')),
    constraint campaign_benefit_matches_kind check (
        (kind = 'RATE_DISCOUNT' and discounted_rate is not null and interest_free_days is null
            and discounted_rate > 0 and discounted_rate <= 0.24)
        or (kind = 'INTEREST_FREE_DAYS' and interest_free_days is not null and discounted_rate is null
            and interest_free_days between 1 and 365)),
    constraint campaign_minimum_not_negative check (minimum_amount >= 0),
    constraint campaign_has_terms check (cardinality(allowed_terms) > 0),
    -- Either a fixed window for every coupon, or a number of days from each coupon's issue.
    constraint campaign_one_validity check (
        (valid_days is null and valid_from is not null and valid_until is not null and valid_from <= valid_until)
        or (valid_days is not null and valid_from is null and valid_until is null and valid_days between 1 and 3650)),
    constraint campaign_status check (status in ('ACTIVE', 'ENDED'))
);

-- A customer's coupon. Its terms are copied from the campaign when it is issued, so changing a
-- campaign later changes only the coupons issued after. The stored state is ISSUED, LOCKED or
-- REDEEMED; an ISSUED coupon past valid_until reads EXPIRED (expiry is read, not swept).
create table coupon (
    id                 uuid           primary key,
    campaign_id        uuid           not null references campaign (id),
    customer_id        uuid           not null,
    kind               text           not null,
    discounted_rate    numeric(9, 6),
    interest_free_days integer,
    minimum_amount     numeric(19, 2) not null,
    allowed_terms      integer[]      not null,
    valid_from         date           not null,
    valid_until        date           not null,
    state              text           not null,
    locked_by_drawdown uuid,
    locked_at          timestamptz,
    redeemed_at        timestamptz,
    issued_via         text           not null,
    issued_by          text           not null,
    issued_at          timestamptz    not null,
    version            bigint         not null default 0,
    constraint coupon_state check (state in ('ISSUED', 'LOCKED', 'REDEEMED')),
    constraint coupon_issued_via check (issued_via in ('OPS', 'RULE')),
    constraint coupon_lock_matches_state check (
        (state = 'ISSUED' and locked_by_drawdown is null and locked_at is null and redeemed_at is null)
        or (state = 'LOCKED' and locked_by_drawdown is not null and locked_at is not null and redeemed_at is null)
        or (state = 'REDEEMED' and locked_by_drawdown is not null and locked_at is not null and redeemed_at is not null)),
    constraint coupon_validity check (valid_from <= valid_until)
);

create index coupon_by_customer on coupon (customer_id, issued_at desc);
-- The rule gives a customer a campaign's coupon once, however often their line is granted again.
create unique index coupon_once_per_campaign_by_rule on coupon (campaign_id, customer_id) where issued_via = 'RULE';

-- What each drawdown did with a coupon: its LockCoupon answer (locked, or refused with a code)
-- and what became of the lock (redeemed, released). One row per drawdown, so a command the saga
-- re-sends under a new message id finds its answer here instead of acting twice.
create table coupon_use (
    drawdown_id        uuid           primary key,
    coupon_id          uuid,
    customer_id        uuid,
    state              text           not null,
    refusal_code       text,
    refusal_reason     text,
    kind               text,
    discounted_rate    numeric(9, 6),
    interest_free_days integer,
    amount             numeric(19, 2),
    term_months        integer,
    line_rate          numeric(9, 6),
    locked_at          timestamptz,
    redeemed_at        timestamptz,
    released_at        timestamptz,
    release_reason     text,
    decided_at         timestamptz    not null,
    constraint coupon_use_state check (state in ('LOCKED', 'REFUSED', 'REDEEMED', 'RELEASED')),
    constraint coupon_use_refusal_explained
        check ((state = 'REFUSED') = (refusal_code is not null and refusal_reason is not null))
);

-- However the commands interleave, a coupon has at most one drawdown holding or using it.
create unique index coupon_use_one_holder on coupon_use (coupon_id) where state in ('LOCKED', 'REDEEMED');
