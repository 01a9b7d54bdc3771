-- Freezes, lowerings and revolving restores.
--
-- A line is FROZEN while at least one freeze holds (credit_line_request rows of kind FREEZE not
-- yet lifted); the line carries the code, reason, requester and time of the oldest one that holds,
-- so a reader of the line alone can tell why it is frozen.
alter table credit_line
    add column freeze_code   text,
    add column freeze_reason text,
    add column frozen_by     text,
    add column frozen_at     timestamptz,
    -- What a reversed repayment re-occupied beyond the limit (the customer had drawn the restored
    -- limit again meanwhile). Only a line frozen OVER_OCCUPIED may carry it; repayments pay it down.
    add column over_occupied numeric(19, 2) not null default 0;

alter table credit_line
    drop constraint credit_line_never_over_occupied,
    add constraint credit_line_never_over_occupied check (occupied + reserved <= credit_limit + over_occupied),
    add constraint credit_line_shortfall_only_when_frozen
        check (over_occupied >= 0 and (over_occupied = 0 or freeze_code is not null)),
    add constraint credit_line_frozen_explained
        check ((status = 'FROZEN') = (num_nulls(freeze_code, freeze_reason, frozen_by, frozen_at) = 0)),
    add constraint credit_line_freeze_together
        check (num_nulls(freeze_code, freeze_reason, frozen_by, frozen_at) in (0, 4));

-- Every freeze, unfreeze and lowering asked of a line, with its answer: one row per request id, so
-- a command re-sent under any message id is answered from here. A FREEZE row holds until an
-- UNFREEZE (or the repayment that ends an over-occupation) lifts it.
create table credit_line_request (
    request_id         text           primary key,
    customer_id        uuid           not null references credit_line (customer_id),
    kind               text           not null,
    code               text,
    reason             text           not null,
    requested_by       text           not null,
    requested_at       timestamptz    not null,
    status_after       text           not null,
    requested_limit    numeric(19, 2),
    from_limit         numeric(19, 2),
    to_limit           numeric(19, 2),
    lifted_codes       text,
    -- the UNFREEZE request, or 'repayment:<id>' for the repayment that ended an over-occupation
    lifted_by_request  text,
    lifted_at          timestamptz,
    constraint credit_line_request_kind check (kind in ('FREEZE', 'UNFREEZE', 'LOWER')),
    constraint credit_line_request_freeze_has_code check (kind <> 'FREEZE' or code is not null),
    constraint credit_line_request_lowering_explained
        check ((kind = 'LOWER') = (num_nulls(requested_limit, from_limit, to_limit) = 0)),
    constraint credit_line_request_only_freezes_lift check (kind = 'FREEZE' or lifted_at is null),
    constraint credit_line_request_lifted_when check ((lifted_at is null) = (lifted_by_request is null))
);

create index credit_line_request_by_customer on credit_line_request (customer_id, requested_at desc);
create index credit_line_request_holding on credit_line_request (customer_id) where kind = 'FREEZE' and lifted_at is null;

-- Every repayment's restore of its customer's line, once per repayment id. Together with
-- limit_reservation it explains the line's occupied amount:
--   occupied = sum(OCCUPIED reservations) - sum(restored) + sum(reoccupied).
-- restored can be below principal (a recovery after write-off restores nothing; no more than the
-- drawdown still occupies is ever restored); a reversal re-occupies what its repayment restored.
create table limit_restoration (
    repayment_id     text           primary key,
    customer_id      uuid           not null,
    loan_id          uuid,
    drawdown_id      uuid,
    kind             text           not null,
    principal        numeric(19, 2) not null,
    restored         numeric(19, 2) not null,
    note             text,
    restored_at      timestamptz    not null,
    reoccupied       numeric(19, 2) not null default 0,
    shortfall        numeric(19, 2) not null default 0,
    reversed_at      timestamptz,
    reversal_reason  text,
    constraint limit_restoration_amounts
        check (principal >= 0 and restored >= 0 and restored <= principal and reoccupied >= 0
               and reoccupied <= restored and shortfall >= 0 and shortfall <= reoccupied),
    constraint limit_restoration_reversed_when check ((reversed_at is null) = (reversal_reason is null))
);

create index limit_restoration_by_customer on limit_restoration (customer_id, restored_at desc);
create index limit_restoration_by_drawdown on limit_restoration (drawdown_id);
