-- Post-loan: early-warning rules and the warnings they raised, the loans' delinquency as the ledger
-- reported it, and maker-checker adjustments of loans.

-- Rules as data: ops change thresholds and switch rules on and off (audited); the service reads them per event.
create table early_warning_rule (
    code         text primary key,
    trigger_kind text        not null check (trigger_kind in ('DPD', 'BUREAU_DELINQUENCY', 'FRAUD_SIGNAL')),
    min_dpd      integer check (min_dpd between 1 and 3650),
    action       text        not null check (action in ('FREEZE', 'LOWER')),
    limit_code   text        not null,
    enabled      boolean     not null,
    version      bigint      not null default 0,
    updated_by   text        not null,
    updated_at   timestamptz not null,
    constraint early_warning_rule_dpd_threshold check ((trigger_kind = 'DPD') = (min_dpd is not null))
);

insert into early_warning_rule (code, trigger_kind, min_dpd, action, limit_code, enabled, updated_by, updated_at) values
    ('DPD_FREEZE', 'DPD', 3, 'FREEZE', 'OVERDUE', true, 'migration', now()),
    ('DPD_LOWER', 'DPD', 31, 'LOWER', 'OVERDUE', true, 'migration', now()),
    ('BUREAU_DELINQUENCY_FREEZE', 'BUREAU_DELINQUENCY', null, 'FREEZE', 'BUREAU_DELINQUENCY', true, 'migration', now()),
    ('FRAUD_SIGNAL_FREEZE', 'FRAUD_SIGNAL', null, 'FREEZE', 'FRAUD_SIGNAL', true, 'migration', now());

-- Each loan's delinquency as core-ledger reported it: overdue_since is the due date of its oldest overdue
-- installment (null when current), so its days past due on any business date D are D - overdue_since.
create table post_loan_loan (
    loan_id       uuid primary key,
    customer_id   uuid        not null,
    overdue_since date,
    settled       boolean     not null default false,
    updated_at    timestamptz not null
);
create index post_loan_loan_customer on post_loan_loan (customer_id);
create index post_loan_loan_overdue on post_loan_loan (overdue_since) where overdue_since is not null;

-- One row per customer the rules have looked at; locked while their loans and warnings are judged, so two
-- loans' events for one customer never race.
create table post_loan_customer (
    customer_id uuid primary key
);

-- A rule that fired for a customer: one per customer, rule and episode. While open, the rule does not fire
-- again for that customer; a days-past-due episode ends when all their loans are current or settled, a
-- signal's when the line is unfrozen.
create table early_warning (
    id            uuid primary key,
    customer_id   uuid        not null,
    rule_code     text        not null references early_warning_rule (code),
    episode       integer     not null,
    trigger_kind  text        not null,
    action        text        not null check (action in ('FREEZE', 'LOWER')),
    limit_code    text        not null,
    days_past_due integer,
    loan_id       uuid,
    detail        text,
    state         text        not null check (state in ('SENT', 'IN_FORCE', 'UNFREEZE_SENT', 'LIFTED', 'ENDED')),
    open          boolean     not null,
    request_id    text        not null unique,
    raised_at     timestamptz not null,
    updated_at    timestamptz not null,
    unique (customer_id, rule_code, episode)
);
create unique index early_warning_one_open on early_warning (customer_id, rule_code) where open;

-- Everything done about a warning, in order: raised, command sent, limit's answer, unfreeze sent or withheld.
create table early_warning_action (
    id         bigserial primary key,
    warning_id uuid        not null references early_warning (id),
    kind       text        not null,
    request_id text,
    detail     text,
    at         timestamptz not null
);
create index early_warning_action_warning on early_warning_action (warning_id, id);

-- Extension, fee waiver, restructure and write-off under maker-checker.
create table loan_adjustment (
    id               uuid primary key,
    loan_id          uuid          not null,
    customer_id      uuid          not null,
    kind             text          not null check (kind in ('EXTENSION', 'WAIVER', 'RESTRUCTURE', 'WRITE_OFF')),
    extra_periods    integer,
    penalty          numeric(19, 2),
    interest         numeric(19, 2),
    annual_rate      numeric(9, 6),
    reason           text          not null,
    days_past_due    integer       not null,
    state            text          not null check (state in ('REQUESTED', 'APPROVED', 'REJECTED', 'APPLIED', 'REFUSED')),
    maker            text          not null,
    requested_at     timestamptz   not null,
    checker          text,
    decided_at       timestamptz,
    decision_reason  text,
    schedule_version integer,
    amount           numeric(19, 2),
    journal_entry_id uuid,
    effective_on     date,
    refusal_code     text,
    refusal_reason   text,
    concluded_at     timestamptz,
    version          bigint        not null default 0
);
create index loan_adjustment_loan on loan_adjustment (loan_id, requested_at);
create index loan_adjustment_state on loan_adjustment (state, requested_at);
-- One adjustment in flight per loan: a second one would be judged against a loan the first is about to change.
create unique index loan_adjustment_one_pending on loan_adjustment (loan_id) where state in ('REQUESTED', 'APPROVED');

create table loan_adjustment_step (
    id            bigserial primary key,
    adjustment_id uuid        not null references loan_adjustment (id),
    state         text        not null,
    actor         text        not null,
    at            timestamptz not null,
    note          text
);
create index loan_adjustment_step_adjustment on loan_adjustment_step (adjustment_id, id);
