-- Loan products are data: what a product allows (terms, methods, rate and amount bounds) and the
-- parameters later features read (grace, penalty markup, prepayment). Ops administrators change
-- them through PUT /ops/v1/loan-products/{code}; every change bumps version and is audited.
create table loan_product (
    code                          text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
    name                          text not null check (name <> ''),
    allowed_terms                 integer[] not null check (cardinality(allowed_terms) > 0 and 0 < all (allowed_terms)),
    allowed_methods               text[] not null check (cardinality(allowed_methods) > 0 and allowed_methods
                                      <@ array ['EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST', 'BULLET']),
    min_rate                      numeric(9, 6) not null check (min_rate >= 0),
    max_rate                      numeric(9, 6) not null,
    min_amount                    numeric(19, 2) not null check (min_amount > 0),
    max_amount                    numeric(19, 2) not null,
    -- Amounts must be a multiple of the step: 1.00 means whole yuan.
    amount_step                   numeric(19, 2) not null check (amount_step > 0),
    grace_days                    integer not null check (grace_days >= 0),
    penalty_markup                numeric(9, 6) not null default 1.5 check (penalty_markup >= 0),
    prepayment_allowed_after_days integer not null check (prepayment_allowed_after_days >= 0),
    prepayment_fee_rate           numeric(9, 6) not null check (prepayment_fee_rate >= 0),
    -- Only ACT/365 is implemented (ARCHITECTURE.md: daily rate APR/365 on actual days).
    day_count                     text not null default 'ACT/365' check (day_count in ('ACT/365')),
    active                        boolean not null default true,
    version                       bigint not null default 0,
    check (min_rate <= max_rate),
    check (min_amount <= max_amount)
);

insert into loan_product (code, name, allowed_terms, allowed_methods, min_rate, max_rate, min_amount, max_amount,
                          amount_step, grace_days, penalty_markup, prepayment_allowed_after_days, prepayment_fee_rate,
                          day_count, active, version)
values ('CASH_LOAN_STANDARD', 'Cash loan, standard', '{3,6,9,12,24}',
        '{EQUAL_INSTALLMENT,EQUAL_PRINCIPAL,INTEREST_FIRST,BULLET}', 0.0, 0.24, 100.00, 200000.00, 1.00, 3, 1.5, 0, 0,
        'ACT/365', true, 0);
