-- A report read is now for a credit-line application or for a drawdown, never both and never neither.
alter table report_read add column drawdown_id uuid;
alter table report_read alter column application_id drop not null;
alter table report_read add constraint report_read_for_one_purpose
    check ((application_id is null) <> (drawdown_id is null));
create index report_read_drawdown on report_read (drawdown_id) where drawdown_id is not null;

-- One decision per drawdown, with what explains it: the amount and term asked for, the credit-line
-- decision whose limit bounded it, the bureau summary when a report was read (no identity), the
-- scorecard version whose knock-outs judged it, and the reasons. A re-sent DecideDrawdown is
-- answered from this row.
create table drawdown_decision (
    id                 uuid          primary key,
    drawdown_id        uuid          not null,
    customer_id        uuid          not null,
    outcome            text          not null,
    reason_code        text,
    reasons            jsonb         not null,
    amount             numeric(19,2),
    term_months        integer       not null,
    credit_decision_id uuid          references decision (id),
    decided_limit      numeric(19,2),
    inputs             jsonb         not null,
    scorecard_version  integer,
    decided_at         timestamptz   not null,
    constraint drawdown_decision_once_per_drawdown unique (drawdown_id),
    constraint drawdown_decision_outcome check (outcome in ('APPROVE', 'REJECT')),
    constraint drawdown_decision_rejection_has_code check (outcome <> 'REJECT' or reason_code is not null),
    constraint drawdown_decision_approval_within_limit check (outcome <> 'APPROVE'
        or (amount is not null and decided_limit is not null and amount <= decided_limit))
);
create index drawdown_decision_customer on drawdown_decision (customer_id, decided_at);
