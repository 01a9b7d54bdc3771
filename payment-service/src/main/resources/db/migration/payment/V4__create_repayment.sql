-- The business date as end of day last moved it (BusinessDateChanged; an InstallmentDue also tells
-- that its due date has come). Withholding attempts run by it. One row; it never moves back.
create table business_day (
    id            integer     primary key default 1,
    business_date date        not null,
    updated_at    timestamptz not null,
    constraint business_day_one_row check (id = 1)
);

-- Auto-withholding (代扣) of one installment of one loan: one per loan and period, however often
-- InstallmentDue is redelivered. Each attempt is a repayment order; the plan decides when the next runs.
create table withholding (
    id                uuid           primary key,
    loan_id           uuid           not null,
    customer_id       uuid           not null,
    period            integer        not null,
    due_date          date           not null,
    amount_due        numeric(19, 2) not null,
    state             text           not null,
    attempts          integer        not null default 0,
    next_attempt_on   date,
    next_attempt_at   timestamptz,
    attempting_since  timestamptz,
    current_order_id  uuid,
    stop_reason       text,
    created_at        timestamptz    not null,
    updated_at        timestamptz    not null,
    version           bigint         not null default 0,
    constraint withholding_once_per_period unique (loan_id, period),
    constraint withholding_state
        check (state in ('SCHEDULED', 'ATTEMPTING', 'COLLECTING', 'PAID', 'SETTLED_ELSEWHERE', 'EXHAUSTED', 'CANCELLED')),
    constraint withholding_attempts check (attempts >= 0),
    constraint withholding_scheduled_has_date check (state <> 'SCHEDULED' or next_attempt_on is not null)
);

-- The attempt runner looks only at scheduled withholdings whose date has come.
create index withholding_due on withholding (next_attempt_on) where state = 'SCHEDULED';
create index withholding_by_loan on withholding (loan_id, period);

-- One collection from a customer's bound card for a loan: asked by the customer (mode
-- CURRENT_INSTALLMENT, AMOUNT, PAYOFF) or an attempt of a withholding (WITHHOLDING). Its request
-- number is fixed before anything is sent; the id is the repaymentId core-ledger applies once.
create sequence repayment_request_no;

create table repayment_order (
    id                     uuid           primary key,
    request_no             text           not null unique,
    loan_id                uuid           not null,
    customer_id            uuid           not null,
    mode                   text           not null,
    withholding_id         uuid           references withholding (id),
    attempt                integer,
    amount                 numeric(19, 2) not null,
    card_id                uuid,
    card_masked            text,
    agreement_no           text,
    channel                text           not null,
    business_date          date           not null,
    state                  text           not null,
    failure_code           text,
    failure_reason         text,
    channel_transaction_id text,
    idempotency_key        text,
    created_at             timestamptz    not null,
    sending_since          timestamptz,
    submitted_at           timestamptz,
    completed_at           timestamptz,
    next_query_at          timestamptz,
    queries                integer        not null default 0,
    applied_at             timestamptz,
    reversed_at            timestamptz,
    reversal_reason        text,
    version                bigint         not null default 0,
    constraint repayment_order_amount_positive check (amount > 0),
    constraint repayment_order_mode check (mode in ('CURRENT_INSTALLMENT', 'AMOUNT', 'PAYOFF', 'WITHHOLDING')),
    constraint repayment_order_state
        check (state in ('REFUSED', 'PENDING', 'SENDING', 'SUBMITTED', 'UNKNOWN', 'SUCCEEDED', 'FAILED', 'REVERSED')),
    constraint repayment_order_sendable_has_card
        check (state = 'REFUSED' or (card_id is not null and agreement_no is not null and card_masked is not null)),
    constraint repayment_order_failure_explained
        check ((state in ('REFUSED', 'FAILED')) = (failure_code is not null and failure_reason is not null)),
    constraint repayment_order_withholding_attempt check ((mode = 'WITHHOLDING') = (withholding_id is not null and attempt is not null))
);

-- The customer's Idempotency-Key: the same key is the same order.
create unique index repayment_order_by_key on repayment_order (customer_id, idempotency_key)
    where idempotency_key is not null;
create index repayment_order_by_loan on repayment_order (loan_id, created_at);
-- Collection limits sum what is already committed per card and per channel on a date.
create index repayment_order_by_card_day on repayment_order (card_id, business_date);
create index repayment_order_by_channel_day on repayment_order (channel, business_date);
create index repayment_order_in_flight on repayment_order (next_query_at)
    where state in ('PENDING', 'SENDING', 'SUBMITTED', 'UNKNOWN');

-- Everything that happened to a repayment order: the request, each submission, query and callback.
create table repayment_event (
    id           bigserial   primary key,
    order_id     uuid        not null references repayment_order (id),
    occurred_at  timestamptz not null,
    kind         text        not null,
    outcome      text        not null,
    detail       text,
    constraint repayment_event_kind
        check (kind in ('REQUEST', 'REFUSAL', 'SUBMISSION', 'QUERY', 'CALLBACK', 'LEDGER'))
);

create index repayment_event_by_order on repayment_event (order_id, id);
