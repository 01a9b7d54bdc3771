-- Post-loan (#7): waivers, extension and restructure as new schedule versions, write-off and
-- recoveries after it, each adjustment stored once per request with who made and approved it.

-- Accounts the adjustments post to:
--   4104 money recovered on a loan after it was written off (recovery income);
--   5103 accrued interest and penalty receivable written off (5102 takes the principal);
--   5104 interest and penalty waived (息费减免), an expense rather than an edit of the income booked.
insert into account (code, name, type, normal_side) values
    ('4104', 'Recovery income',                       'INCOME',  'CREDIT'),
    ('5103', 'Interest and penalty written off',      'EXPENSE', 'DEBIT'),
    ('5104', 'Interest and penalty waived',           'EXPENSE', 'DEBIT');

-- Waived amounts stand beside what was paid, so an installment still shows what it asked:
-- interest owed = interest − paid − waived; penalty owed = accrued − paid − waived.
-- carried_interest is interest already accrued under an earlier schedule version that an
-- extension or restructure carried onto this installment: it is accrued from the start, and end
-- of day spreads only the rest of the installment's interest over its period.
alter table installment
    add column interest_waived  numeric(19, 2) not null default 0 check (interest_waived >= 0),
    add column penalty_waived   numeric(19, 2) not null default 0 check (penalty_waived >= 0),
    add column carried_interest numeric(19, 2) not null default 0 check (carried_interest >= 0),
    add check (interest_paid + interest_waived <= interest_accrued),
    add check (penalty_paid + penalty_waived <= penalty_accrued),
    add check (carried_interest <= interest);

-- The rate servicing charges now: the loan's rate until a restructure sets another. The loan's
-- annual_rate stays the rate it was lent at.
alter table loan_account add column servicing_rate numeric(9, 6);
update loan_account set servicing_rate = annual_rate;
alter table loan_account
    alter column servicing_rate set not null,
    add check (servicing_rate >= 0),
    -- What a write-off took off the books besides the principal (principal_written_off): the
    -- borrower still owes it, and recoveries are income.
    add column interest_written_off numeric(19, 2) not null default 0 check (interest_written_off >= 0),
    add column penalty_written_off  numeric(19, 2) not null default 0 check (penalty_written_off >= 0),
    add column written_off_on       date,
    add check ((status = 'WRITTEN_OFF') = (written_off_on is not null));

alter table repayment drop constraint repayment_kind_check;
alter table repayment add constraint repayment_kind_check
    check (kind in ('REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'CREDIT', 'RECOVERY'));

-- One row per AdjustLoan request id, applied or refused: a command sent again is answered from here.
-- loan_id has no foreign key: a request for an unknown loan is refused and remembered too.
create table loan_adjustment (
    request_id       text primary key check (request_id <> ''),
    loan_id          uuid,
    customer_id      uuid,
    kind             text,
    outcome          text not null check (outcome in ('APPLIED', 'REFUSED')),
    code             text,
    refusal          text,
    amount           numeric(19, 2),
    penalty          numeric(19, 2),
    interest         numeric(19, 2),
    extra_periods    integer,
    annual_rate      numeric(9, 6),
    schedule_version integer,
    journal_entry_id uuid references journal_entry (id),
    effective_on     date not null,
    reason           text,
    maker_id         text,
    checker_id       text,
    created_at       timestamptz not null,
    check ((outcome = 'REFUSED') = (code is not null))
);

create index loan_adjustment_loan on loan_adjustment (loan_id, created_at);
