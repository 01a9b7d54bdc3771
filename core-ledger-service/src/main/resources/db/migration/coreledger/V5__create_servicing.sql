-- Servicing a loan after it opens: the business date, end of day (accrual, due and overdue
-- installments, penalty interest, days past due), repayments with their allocation, prepayment.

-- Two accounts the servicing flows need besides those of V2:
--   1201 money a payment channel has collected from a borrower for us and not yet settled to us;
--        every repayment is received here before it is allocated.
--   4103 fees charged to borrowers (prepayment fee).
insert into account (code, name, type, normal_side) values
    ('1201', 'Payment channel receivable', 'ASSET',  'DEBIT'),
    ('4103', 'Fee income',                 'INCOME', 'CREDIT');

-- The accounting date. One row; it moves only when end of day finishes (EndOfDay), never by the
-- wall clock. A fresh database starts on the day it was created.
create table business_day (
    singleton     boolean primary key default true check (singleton),
    business_date date not null,
    changed_at    timestamptz not null default now()
);

insert into business_day (business_date) values (current_date);

-- What a product does with a repayment larger than everything the borrower can pay now:
-- REFUSE it, or HOLD_AS_CREDIT on the loan and apply it as installments fall due.
alter table loan_product add column overpayment text not null default 'REFUSE'
    check (overpayment in ('REFUSE', 'HOLD_AS_CREDIT'));

-- A loan keeps the servicing terms it was opened with (grace, penalty markup), so a later product
-- change never reprices a loan already lent. Existing rows take their product's current terms.
alter table loan_account
    add column grace_days            integer,
    add column penalty_markup        numeric(9, 6),
    add column schedule_version      integer not null default 1 check (schedule_version > 0),
    -- The last business date whose end of day has processed the loan: it is processed once per day.
    add column accrued_through       date,
    add column days_past_due         integer not null default 0 check (days_past_due >= 0),
    add column bucket                text not null default 'M0' check (bucket in ('M0', 'M1', 'M2', 'M3', 'M3+')),
    add column principal_repaid      numeric(19, 2) not null default 0 check (principal_repaid >= 0),
    add column principal_written_off numeric(19, 2) not null default 0 check (principal_written_off >= 0),
    -- Money held for the borrower (HOLD_AS_CREDIT), owed to them until applied (account 2201).
    add column credit_balance        numeric(19, 2) not null default 0 check (credit_balance >= 0),
    add column settled_on            date;

update loan_account l
   set grace_days = p.grace_days,
       penalty_markup = p.penalty_markup,
       accrued_through = l.start_date - 1
  from loan_product p
 where p.code = l.product_code;

alter table loan_account
    alter column grace_days set not null,
    alter column penalty_markup set not null,
    alter column accrued_through set not null,
    add check (grace_days >= 0),
    add check (penalty_markup >= 0),
    -- The ledger's own invariant, kept by the database: outstanding = disbursed − repaid − written off.
    add constraint loan_outstanding_is_disbursed_less_repaid_and_written_off
        check (outstanding_principal = principal - principal_repaid - principal_written_off),
    add check ((status = 'SETTLED') = (settled_on is not null));

-- Days past due → delinquency bucket, in one place for end of day and for repayments.
create function delinquency_bucket(days_past_due integer) returns text
    language sql immutable strict as $$
select case
           when days_past_due <= 0 then 'M0'
           when days_past_due <= 30 then 'M1'
           when days_past_due <= 60 then 'M2'
           when days_past_due <= 90 then 'M3'
           else 'M3+'
       end
$$;

-- End of day reads the loans it has not yet processed for its date, in id order.
create index loan_account_to_close on loan_account (accrued_through, id) where status = 'ACTIVE';

-- The schedule version a loan follows is loan_account.schedule_version. A version after a
-- prepayment schedules only what is left, so it also records the principal prepaid before it:
-- principal of its installments + prepaid_principal = the loan's principal, in every version.
alter table schedule_version add column prepaid_principal numeric(19, 2) not null default 0
    check (prepaid_principal >= 0);

-- Each installment carries what has accrued and what has been paid on it, by component.
--   period_start: the first day the installment's interest runs (the previous due date, or the start).
--   interest_accrued: interest recognised so far, straight-line over the period's days; never more
--     than the installment's interest, never less than what was paid.
--   penalty_exact: the running total of daily penalty to 12 decimals; penalty_accrued is that total
--     rounded HALF_UP to the fen, so daily rounding never drifts.
alter table installment
    add column period_start     date,
    add column interest_accrued numeric(19, 2) not null default 0,
    add column principal_paid   numeric(19, 2) not null default 0,
    add column interest_paid    numeric(19, 2) not null default 0,
    add column penalty_exact    numeric(30, 12) not null default 0 check (penalty_exact >= 0),
    add column penalty_accrued  numeric(19, 2) not null default 0,
    add column penalty_paid     numeric(19, 2) not null default 0,
    add column paid_on          date;

update installment i
   set period_start = coalesce(
           (select max(p.due_date) from installment p
             where p.loan_id = i.loan_id and p.schedule_version = i.schedule_version and p.period < i.period),
           (select l.start_date from loan_account l where l.id = i.loan_id));

alter table installment
    alter column period_start set not null,
    add check (period_start < due_date),
    add check (interest_paid >= 0 and interest_paid <= interest_accrued and interest_accrued <= interest),
    add check (principal_paid >= 0 and principal_paid <= principal),
    add check (penalty_paid >= 0 and penalty_paid <= penalty_accrued),
    add check ((state = 'PAID') = (paid_on is not null));

-- Every accrual end of day booked, per installment and day, and the journal entry it rolled up into
-- (end of day books one entry per batch of loans, per kind, with a line pair per funding partner).
create table accrual (
    loan_id          uuid not null references loan_account (id),
    business_date    date not null,
    kind             text not null check (kind in ('INTEREST', 'PENALTY')),
    schedule_version integer not null,
    period           integer not null,
    -- For penalty: the unpaid overdue principal the day's penalty was computed on.
    base             numeric(19, 2),
    amount           numeric(19, 2) not null check (amount > 0),
    journal_event_id text not null,
    primary key (loan_id, business_date, kind, schedule_version, period)
);

create index accrual_journal_event on accrual (journal_event_id);

-- End of day, one run per business date. Progress is committed with each batch, so a crashed run
-- resumes where it stopped and never processes a loan twice for the same date.
create table eod_run (
    business_date date primary key,
    phase         text not null check (phase in ('LOANS', 'SNAPSHOT', 'DONE')),
    status        text not null check (status in ('RUNNING', 'FAILED', 'FINISHED')),
    loans_total   integer not null check (loans_total >= 0),
    loans_done    integer not null default 0 check (loans_done >= 0),
    batches       integer not null default 0,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    attempts      integer not null default 1,
    failure       text,
    check ((status = 'FINISHED') = (finished_at is not null))
);

-- Money received for a loan, and what it paid. id is the payment side's repayment id: the same
-- repayment delivered twice (HTTP retry, redelivered message) is applied once.
create table repayment (
    id                text primary key check (id <> ''),
    loan_id           uuid not null references loan_account (id),
    kind              text not null check (kind in ('REPAYMENT', 'PREPAYMENT', 'PAYOFF', 'CREDIT')),
    amount            numeric(19, 2) not null check (amount > 0),
    business_date     date not null,
    received_at       timestamptz not null,
    channel           text,
    status            text not null check (status in ('APPLIED', 'REFUSED', 'REVERSED')),
    refusal           text,
    credit_held       numeric(19, 2) not null default 0 check (credit_held >= 0),
    journal_entry_id  uuid references journal_entry (id),
    -- A prepayment's new schedule version.
    schedule_version  integer,
    reversal_entry_id uuid references journal_entry (id),
    reversed_on       date,
    reversal_reason   text,
    check ((status = 'REFUSED') = (refusal is not null)),
    check ((status = 'REVERSED') = (reversal_entry_id is not null))
);

create index repayment_loan on repayment (loan_id, received_at);

-- How a repayment was allocated, in allocation order. recognised_on_receipt is interest the
-- borrower paid before end of day had accrued it (an installment paid early), recognised as income
-- when received; a reversal takes it back out of the installment's accrued interest.
create table repayment_allocation (
    repayment_id          text not null references repayment (id),
    line                  integer not null check (line > 0),
    schedule_version      integer,
    period                integer,
    component             text not null check (component in ('PENALTY', 'INTEREST', 'PRINCIPAL', 'FEE', 'CREDIT')),
    overdue               boolean not null,
    amount                numeric(19, 2) not null check (amount > 0),
    recognised_on_receipt numeric(19, 2) not null default 0 check (recognised_on_receipt >= 0),
    primary key (repayment_id, line)
);
