-- A customer's drawdown (借款订单) and the state of the saga paying it out. The identity the
-- decision step needs is stored only encrypted; amounts are exact, rates numeric(9,6). Outcome
-- columns fill in as the services answer.
create table drawdown (
    id                     uuid           primary key,
    customer_id            uuid           not null references customer (id),
    idempotency_key        text           not null,
    state                  text           not null,
    step                   text,
    attempts               integer        not null,
    step_started_at        timestamptz,
    step_deadline          timestamptz,
    reason_code            text,
    reason                 text,
    amount                 numeric(19, 2) not null,
    term_months            integer        not null,
    method                 text           not null,
    card_id                uuid           not null,
    card_last4             text,
    coupon_id              uuid,
    credit_application_id  uuid           not null,
    full_name_encrypted    text           not null,
    id_number_encrypted    text           not null,
    mobile_encrypted       text           not null,
    device_encrypted       text,
    authorisation_document_id uuid        not null,
    authorisation_sha256   text           not null,
    authorisation_signed_at timestamptz   not null,
    line_rate              numeric(9, 6),
    grade                  text,
    annual_rate            numeric(9, 6),
    coupon_kind            text,
    interest_free_days     integer        not null default 0,
    partner_id             text,
    partner_name           text,
    start_date             date,
    total_interest         numeric(19, 2),
    first_installment      numeric(19, 2),
    first_due_date         date,
    last_due_date          date,
    contract_document_id   uuid,
    contract_sha256        text,
    contract_signed_at     timestamptz,
    fraud_result           text,
    fraud_score            integer,
    decision_outcome       text,
    funding_business_date  date,
    request_no             text,
    channel                text,
    disbursed_at           timestamptz,
    loan_id                uuid,
    installments           text,
    limit_held             boolean        not null default false,
    coupon_held            boolean        not null default false,
    funding_held           boolean        not null default false,
    submitted_at           timestamptz    not null,
    updated_at             timestamptz    not null,
    concluded_at           timestamptz,
    version                bigint         not null,
    constraint drawdown_state check (state in ('CREATED', 'LIMIT_RESERVED', 'COUPON_LOCKED', 'CONTRACT_SIGNED',
        'FRAUD_CHECKED', 'APPROVED', 'FUNDED', 'DISBURSING', 'DISBURSED', 'FAILED')),
    constraint drawdown_step check (step in ('RESERVE_LIMIT', 'LOCK_COUPON', 'PREPARE_CONTRACT', 'SIGN_CONTRACT',
        'ASSESS_RISK', 'DECIDE', 'RESERVE_FUNDING', 'DISBURSE', 'OPEN_LOAN_ACCOUNT')),
    constraint drawdown_amount check (amount > 0),
    constraint drawdown_concluded check ((concluded_at is not null) = (state in ('DISBURSED', 'FAILED'))),
    constraint drawdown_final_not_waiting check (state not in ('DISBURSED', 'FAILED') or step_deadline is null),
    constraint drawdown_disbursed check (state <> 'DISBURSED' or (loan_id is not null and disbursed_at is not null)),
    -- Money that moved is never compensated: a disbursed drawdown cannot end FAILED.
    constraint drawdown_never_failed_after_payout check (state <> 'FAILED' or disbursed_at is null),
    constraint drawdown_attempts check (attempts >= 0)
);
-- A retried POST finds the drawdown it created (the platform replays the stored answer).
create unique index drawdown_idempotency on drawdown (customer_id, idempotency_key);
create index drawdown_overdue on drawdown (step_deadline) where step_deadline is not null;
create index drawdown_by_submission on drawdown (submitted_at);
create index drawdown_by_customer on drawdown (customer_id, submitted_at);
create index drawdown_by_state on drawdown (state, submitted_at);

-- Everything that happened to a drawdown, append-only: transitions, every message sent and
-- received (with its id), resends, timeouts, compensations and confirmations.
create table drawdown_timeline (
    id           bigint generated always as identity primary key,
    drawdown_id  uuid        not null references drawdown (id),
    at           timestamptz not null,
    kind         text        not null,
    state        text        not null,
    step         text,
    message_type text,
    message_id   uuid,
    attempt      integer,
    note         text,
    details      jsonb
);
create index drawdown_timeline_of on drawdown_timeline (drawdown_id, id);
