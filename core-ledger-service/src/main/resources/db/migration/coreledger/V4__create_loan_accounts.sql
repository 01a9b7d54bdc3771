-- Loan accounts, their schedule versions and installments. A schedule is never edited in place:
-- a change (prepayment, extension) will add a schedule version with its own installments, so the
-- history of what the borrower was asked to pay stays readable. The current schedule is the
-- loan's highest version.
create table loan_account (
    id                    uuid primary key,
    customer_id           uuid not null,
    product_code          text not null references loan_product (code),
    principal             numeric(19, 2) not null check (principal > 0),
    annual_rate           numeric(9, 6) not null check (annual_rate >= 0),
    term_months           integer not null check (term_months > 0),
    method                text not null check (method in ('EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST', 'BULLET')),
    start_date            date not null,
    funding_partner       text not null check (funding_partner <> ''),
    -- One loan per disbursement: opening the same disbursement again finds this row.
    disbursement_id       text not null unique check (disbursement_id <> ''),
    status                text not null check (status in ('ACTIVE', 'SETTLED', 'WRITTEN_OFF')),
    outstanding_principal numeric(19, 2) not null check (outstanding_principal >= 0 and outstanding_principal <= principal),
    opened_at             timestamptz not null,
    version               bigint not null default 0
);

create index loan_account_customer on loan_account (customer_id);

create table schedule_version (
    loan_id    uuid not null references loan_account (id),
    version    integer not null check (version > 0),
    reason     text not null check (reason <> ''),
    created_at timestamptz not null,
    primary key (loan_id, version)
);

create table installment (
    loan_id             uuid not null,
    schedule_version    integer not null,
    period              integer not null check (period > 0),
    due_date            date not null,
    principal           numeric(19, 2) not null check (principal >= 0),
    interest            numeric(19, 2) not null check (interest >= 0),
    total               numeric(19, 2) not null,
    remaining_principal numeric(19, 2) not null check (remaining_principal >= 0),
    state               text not null default 'NOT_DUE' check (state in ('NOT_DUE', 'DUE', 'OVERDUE', 'PAID')),
    primary key (loan_id, schedule_version, period),
    foreign key (loan_id, schedule_version) references schedule_version (loan_id, version),
    check (total = principal + interest)
);
