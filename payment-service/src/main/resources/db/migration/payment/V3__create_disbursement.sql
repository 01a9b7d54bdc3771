-- One disbursement per drawdown, whatever the saga re-sends: the drawdown id is the key, and the
-- request number the channel sees is fixed when the row is written, before anything is sent.
create sequence disbursement_request_no;

create table disbursement (
    drawdown_id         uuid           primary key,
    request_no          text           not null unique,
    customer_id         uuid           not null,
    card_id             uuid           not null,
    amount              numeric(19, 2) not null,
    funding_partner_id  text,
    channel             text           not null,
    -- The withholding agreement the card was bound under when the payout was checked; null when refused.
    agreement_no        text,
    business_date       date           not null,
    state               text           not null,
    failure_code        text,
    failure_reason      text,
    channel_transaction_id text,
    created_at          timestamptz    not null,
    sending_since       timestamptz,
    submitted_at        timestamptz,
    completed_at        timestamptz,
    next_query_at       timestamptz,
    queries             integer        not null default 0,
    version             bigint         not null default 0,
    constraint disbursement_amount_positive check (amount > 0),
    constraint disbursement_state
        check (state in ('REFUSED', 'PENDING', 'SENDING', 'SUBMITTED', 'UNKNOWN', 'SUCCEEDED', 'FAILED')),
    constraint disbursement_sendable_has_agreement check (state = 'REFUSED' or agreement_no is not null),
    constraint disbursement_failure_explained
        check ((state in ('REFUSED', 'FAILED')) = (failure_code is not null and failure_reason is not null))
);

-- Limits sum what is already committed per card and per channel on a business date.
create index disbursement_by_card_day on disbursement (card_id, business_date);
create index disbursement_by_channel_day on disbursement (channel, business_date);
-- The query-back and send-recovery jobs look only at disbursements still in flight.
create index disbursement_in_flight on disbursement (next_query_at)
    where state in ('PENDING', 'SENDING', 'SUBMITTED', 'UNKNOWN');

-- Everything that happened to a disbursement: the command, each submission, query and callback.
create table disbursement_event (
    id            bigserial   primary key,
    drawdown_id   uuid        not null references disbursement (drawdown_id),
    occurred_at   timestamptz not null,
    kind          text        not null,
    outcome       text        not null,
    detail        text,
    constraint disbursement_event_kind
        check (kind in ('COMMAND', 'REFUSAL', 'SUBMISSION', 'QUERY', 'CALLBACK'))
);

create index disbursement_event_by_drawdown on disbursement_event (drawdown_id, id);
