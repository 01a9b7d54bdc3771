-- What each drawdown asked of its customer's line and what came of it: reserved, then occupied
-- (disbursed) or released (the drawdown failed), or refused outright. One row per drawdown, so a
-- command the saga re-sends, under any message id, is answered from here instead of acting twice;
-- and together the rows are the line's audit: the line's reserved amount is the sum of its
-- RESERVED rows. A refused drawdown has no line to point at when the customer has none, hence no
-- foreign key.
create table limit_reservation (
    drawdown_id      uuid           primary key,
    customer_id      uuid           not null,
    amount           numeric(19, 2) not null,
    state            text           not null,
    annual_rate      numeric(9, 6),
    risk_grade       text,
    available_after  numeric(19, 2),
    refusal_code     text,
    refusal_reason   text,
    release_reason   text,
    created_at       timestamptz    not null,
    occupied_at      timestamptz,
    released_at      timestamptz,
    version          bigint         not null default 0,
    constraint limit_reservation_state check (state in ('RESERVED', 'OCCUPIED', 'RELEASED', 'REFUSED')),
    constraint limit_reservation_amount_positive check (amount > 0),
    constraint limit_reservation_refusal_explained
        check ((state = 'REFUSED') = (refusal_code is not null and refusal_reason is not null)),
    constraint limit_reservation_priced_unless_refused
        check (state = 'REFUSED' or num_nulls(annual_rate, risk_grade, available_after) = 0),
    constraint limit_reservation_occupied_when
        check ((state = 'OCCUPIED') = (occupied_at is not null)),
    constraint limit_reservation_released_when
        check ((state = 'RELEASED') = (released_at is not null))
);

create index limit_reservation_by_customer on limit_reservation (customer_id, created_at desc);
