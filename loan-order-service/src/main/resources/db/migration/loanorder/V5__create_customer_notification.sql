-- SMS to customers about their loans after the drawdown: a repayment applied, the loan settled, a
-- withholding failed. One row per business event (business_key), however often the event is
-- redelivered; a sender delivers it outside any transaction and retries a failure a few times.
-- The text names amounts and dates only; the mobile is looked up from the customer when sending.
create table customer_notification (
    id               uuid        primary key,
    business_key     text        not null unique,
    customer_id      uuid        not null,
    kind             text        not null,
    text             text        not null,
    state            text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    constraint customer_notification_kind check (kind in ('REPAYMENT_APPLIED', 'LOAN_SETTLED', 'WITHHOLDING_FAILED')),
    constraint customer_notification_state check (state in ('PENDING', 'SENT', 'FAILED')),
    constraint customer_notification_failed_has_reason check (state <> 'FAILED' or last_error is not null)
);

create index customer_notification_due on customer_notification (next_attempt_at) where state = 'PENDING';
