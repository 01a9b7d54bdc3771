-- A line carries the terms of the application that last granted it. All five are set together
-- by a grant and stay null on a line that was never granted.
alter table credit_line
    add column annual_rate            numeric(9, 6),
    add column risk_grade             text,
    add column expires_on             date,
    add column granted_at             timestamptz,
    add column granted_by_application uuid;

alter table credit_line
    add constraint credit_line_terms_together
        check (num_nulls(annual_rate, risk_grade, expires_on, granted_at, granted_by_application) in (0, 5)),
    add constraint credit_line_active_is_granted
        check (status not in ('ACTIVE', 'EXPIRED') or granted_at is not null),
    add constraint credit_line_rate_within_cap
        check (annual_rate is null or (annual_rate > 0 and annual_rate <= 0.24));

-- What each approved application asked of the line and what came of it: granted (the line then
-- carries these terms) or refused (the line unchanged). One row per application, so a command
-- re-sent by the saga, under any message id, finds its answer here instead of acting twice.
create table credit_line_grant (
    application_id     uuid           primary key,
    customer_id        uuid           not null references credit_line (customer_id),
    outcome            text           not null,
    credit_limit       numeric(19, 2) not null,
    annual_rate        numeric(9, 6)  not null,
    risk_grade         text           not null,
    granted_on         date           not null,
    expires_on         date           not null,
    refusal_code       text,
    refusal_reason     text,
    before_status      text           not null,
    before_limit       numeric(19, 2) not null,
    before_rate        numeric(9, 6),
    before_grade       text,
    before_expires_on  date,
    occupied           numeric(19, 2) not null,
    reserved           numeric(19, 2) not null,
    decided_at         timestamptz    not null,
    constraint credit_line_grant_outcome check (outcome in ('GRANTED', 'REFUSED')),
    constraint credit_line_grant_refusal_explained
        check ((outcome = 'REFUSED') = (refusal_code is not null and refusal_reason is not null))
);

create index credit_line_grant_by_customer on credit_line_grant (customer_id, decided_at desc);
