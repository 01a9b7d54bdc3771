-- Funding partners (资金方) as data: who lends the money behind a loan, in which order they are
-- asked, what they charge the platform, which loans they take and how much they pay out a day.
-- Eligibility is a partner's own rule set: grades, an amount range and the terms it funds.
create table funding_partner (
    partner_id    text           primary key,
    name          text           not null,
    active        boolean        not null,
    -- Lower is asked first; ties go to the partner with more of the day's plan left.
    priority      integer        not null,
    funding_rate  numeric(9, 6)  not null,
    grades        text[]         not null,
    min_amount    numeric(19, 2) not null,
    max_amount    numeric(19, 2) not null,
    term_months   integer[]      not null,
    -- What the partner pays out on a business day that has no plan of its own.
    daily_plan    numeric(19, 2) not null,
    version       bigint         not null default 0,
    updated_at    timestamptz    not null,
    updated_by    text           not null,
    constraint funding_partner_id_format check (partner_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    constraint funding_partner_name_given check (length(btrim(name)) > 0),
    constraint funding_partner_priority check (priority >= 0),
    constraint funding_partner_rate check (funding_rate > 0 and funding_rate <= 0.24),
    constraint funding_partner_amounts check (0 < min_amount and min_amount <= max_amount),
    constraint funding_partner_grades_given check (cardinality(grades) > 0),
    constraint funding_partner_terms_given check (cardinality(term_months) > 0),
    constraint funding_partner_plan_not_negative check (daily_plan >= 0)
);

-- A business day's plan where it differs from the partner's default.
create table funding_plan (
    partner_id    text           not null references funding_partner (partner_id),
    business_date date           not null,
    amount        numeric(19, 2) not null,
    updated_at    timestamptz    not null,
    updated_by    text           not null,
    primary key (partner_id, business_date),
    constraint funding_plan_not_negative check (amount >= 0)
);

-- Money a partner added to a day's plan during the day, kept one row per top-up for the record.
create table funding_top_up (
    id            bigint         generated always as identity primary key,
    partner_id    text           not null references funding_partner (partner_id),
    business_date date           not null,
    amount        numeric(19, 2) not null,
    reason        text           not null,
    added_at      timestamptz    not null,
    added_by      text           not null,
    constraint funding_top_up_positive check (amount > 0)
);

create index funding_top_up_by_day on funding_top_up (partner_id, business_date);

-- A partner's disbursement-account position (头寸) on a business day. The plan is not copied
-- here: it is the day's funding_plan or else the partner's daily_plan, plus top_ups. This row is
-- what every reservation, confirmation, plan change and top-up of the day locks, so they take
-- turns and reserved + used never passes the plan.
create table funding_position (
    partner_id    text           not null references funding_partner (partner_id),
    business_date date           not null,
    top_ups       numeric(19, 2) not null default 0,
    reserved      numeric(19, 2) not null default 0,
    used          numeric(19, 2) not null default 0,
    -- Set when reserved + used first reached the warning level; a day warns once.
    warned_at     timestamptz,
    primary key (partner_id, business_date),
    constraint funding_position_not_negative check (top_ups >= 0 and reserved >= 0 and used >= 0)
);

-- One row per drawdown, whatever came of its ReserveFunding: the reservation and where it went
-- (RESERVED, then CONFIRMED or RELEASED), or the refusal. A command re-sent by the saga, under
-- any message id, is answered from here instead of acting twice.
create table funding_reservation (
    drawdown_id      uuid           primary key,
    customer_id      uuid,
    partner_id       text           not null,
    partner_name     text,
    business_date    date           not null,
    amount           numeric(19, 2) not null,
    status           text           not null,
    remaining_after  numeric(19, 2),
    refusal_code     text,
    refusal_reason   text,
    reserved_at      timestamptz    not null,
    confirmed_at     timestamptz,
    released_at      timestamptz,
    constraint funding_reservation_status check (status in ('RESERVED', 'CONFIRMED', 'RELEASED', 'REFUSED')),
    constraint funding_reservation_refusal_explained
        check ((status = 'REFUSED') = (refusal_code is not null and refusal_reason is not null)),
    constraint funding_reservation_reserved_known
        check (status = 'REFUSED' or (partner_name is not null and remaining_after is not null))
);

create index funding_reservation_by_position on funding_reservation (partner_id, business_date);

-- The partners at launch. A grade-B 100-yuan loan over 3 months goes to Bank of Ningbo first.
insert into funding_partner (partner_id, name, active, priority, funding_rate, grades, min_amount, max_amount,
                             term_months, daily_plan, updated_at, updated_by) values
    ('partner-bank-a', '宁波银行', true, 10, 0.055000, '{A,B,C}', 100.00, 200000.00, '{3,6,9,12,24}',
     5000000.00, now(), 'launch'),
    ('partner-cfc-b', '马上消费金融', true, 20, 0.068000, '{A,B,C,D}', 100.00, 50000.00, '{3,6,9,12}',
     2000000.00, now(), 'launch'),
    ('partner-trust-c', '中航信托', true, 30, 0.080000, '{A,B}', 1000.00, 200000.00, '{12,24}',
     1000000.00, now(), 'launch');
